import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * The floor the status read is measured against (bench/run.sh, scenario status): a bare Vert.x HTTP
 * server and reactive PostgreSQL pool answering {@code GET /api/v1/applications/{id}} with the very
 * select the service runs (ApplicationReadRepository.OWNED_WITH_HISTORY), the citizen's IIN taken
 * from the bearer token's {@code sub} without checking its signature, the rows written as JSON. No
 * framework, security, validation, metrics or problem handling: what the service's stack adds is
 * the difference. Built from the service's own jars (target/quarkus-app/lib/main).
 *
 *   java -cp "gen:target/quarkus-app/lib/main/*" BareFloor PORT DB_HOST DB_PORT DB_NAME DB_USER [POOL]
 */
public final class BareFloor {

    static final String OWNED_WITH_HISTORY = """
            SELECT a.id, a.channel, a.status, a.completed_steps, a.card_number, a.card_expires_on,
                   a.personal_data_confirmed, a.contact_phone, a.email, a.address, a.pickup_point_id, a.tier,
                   a.created_at, a.updated_at, a.submitted_at, a.ready_on, a.ready_on_estimated, a.status_reason, a.tson_region,
                   a.language, a.version,
                   e.id AS event_id, e.occurred_at, e.actor, e.from_status, e.to_status, e.step, e.reason
            FROM application a LEFT JOIN application_event e ON e.application_id = a.id
            WHERE a.id = $1 AND a.applicant_iin = $2
            ORDER BY e.id""";

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int poolSize = args.length > 5 ? Integer.parseInt(args[5]) : 20;
        int loops = 2 * Runtime.getRuntime().availableProcessors();
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        PgPool pool = PgPool.pool(vertx, new PgConnectOptions().setHost(args[1]).setPort(Integer.parseInt(args[2]))
                .setDatabase(args[3]).setUser(args[4]).setCachePreparedStatements(true), new PoolOptions().setMaxSize(poolSize));
        for (int i = 0; i < loops; i++) {
            vertx.createHttpServer().requestHandler(request -> {
                String path = request.path();
                String auth = request.getHeader("Authorization");
                if (!path.startsWith("/api/v1/applications/") || auth == null || !auth.startsWith("Bearer ")) {
                    request.response().setStatusCode(404).end();
                    return;
                }
                UUID id;
                String iin;
                try {
                    id = UUID.fromString(path.substring("/api/v1/applications/".length()));
                    String payload = auth.substring(7).split("\\.")[1];
                    iin = new JsonObject(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)).getString("sub");
                } catch (RuntimeException e) {
                    request.response().setStatusCode(400).end();
                    return;
                }
                pool.preparedQuery(OWNED_WITH_HISTORY).execute(Tuple.of(id, iin)).onComplete(done -> {
                    if (done.failed()) {
                        request.response().setStatusCode(503).end();
                        return;
                    }
                    JsonObject application = null;
                    JsonArray history = new JsonArray();
                    for (Row row : done.result()) {
                        if (application == null) {
                            application = new JsonObject().put("id", row.getUUID("id").toString()).put("channel", row.getString("channel"))
                                    .put("status", row.getString("status")).put("tier", row.getString("tier"))
                                    .put("createdAt", String.valueOf(row.getValue("created_at")))
                                    .put("readyOn", String.valueOf(row.getValue("ready_on")));
                        }
                        if (row.getLong("event_id") != null) {
                            history.add(new JsonObject().put("at", String.valueOf(row.getValue("occurred_at")))
                                    .put("to", row.getString("to_status")).put("reason", row.getString("reason")));
                        }
                    }
                    if (application == null) {
                        request.response().setStatusCode(404).end();
                        return;
                    }
                    request.response().putHeader("Content-Type", "application/json")
                            .end(application.put("history", history).encode());
                });
            }).listen(port, "127.0.0.1");
        }
        System.out.println("bare floor on " + port + " with " + loops + " event loops and " + poolSize + " connections");
    }
}
