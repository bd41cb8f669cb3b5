package kz.egov.idcard.common.db;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the reactive pool that serves requests reaches the database: a {@code SELECT 1}
 * through it, bounded to 2 s. The JDBC pool's check (Flyway's pool) kept a dead connection after
 * an outage and said DOWN while requests were answered again; this one turns UP on the first probe
 * after the database returns (DatabaseOutageIT).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements AsyncHealthCheck {

    private static final Duration BOUND = Duration.ofSeconds(2);
    static final String NAME = "Reactive PostgreSQL: the pool that serves requests";

    private final Pool pool;

    public DatabaseReadiness(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query("SELECT 1").execute()
                .ifNoItem().after(BOUND).fail()
                .map(rows -> HealthCheckResponse.up(NAME))
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("error", failure.getClass().getSimpleName()).build());
    }
}
