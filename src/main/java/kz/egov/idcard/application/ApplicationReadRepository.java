package kz.egov.idcard.application;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.egov.idcard.points.Tier;

/**
 * The status read ({@code GET /applications/{id}}, what a phone polls) in one round trip on the
 * reactive pool: the application and its history joined, without a Hibernate session. Profiling
 * (bench/results/report.md) showed the session, two queries and the flush before the second one
 * as the largest cost of the read once tokens were no longer verified on every request. What it
 * returns are detached copies for the view, never written back.
 */
@ApplicationScoped
public class ApplicationReadRepository {

    static final String OWNED_WITH_HISTORY = """
            SELECT a.id, a.channel, a.status, a.completed_steps, a.card_number, a.card_expires_on,
                   a.personal_data_confirmed, a.contact_phone, a.email, a.address, a.pickup_point_id, a.tier,
                   a.created_at, a.updated_at, a.submitted_at, a.ready_on, a.ready_on_estimated, a.status_reason, a.tson_region,
                   a.language, a.version,
                   e.id AS event_id, e.occurred_at, e.actor, e.from_status, e.to_status, e.step, e.reason
            FROM application a LEFT JOIN application_event e ON e.application_id = a.id
            WHERE a.id = $1 AND a.applicant_iin = $2
            ORDER BY e.id""";

    /** An application with its history, as read together. */
    public record WithHistory(Application application, List<ApplicationEvent> events) {
    }

    private final Pool pool;

    public ApplicationReadRepository(Pool pool) {
        this.pool = pool;
    }

    /** The applicant's application with its history, or null: another citizen's application does not exist for them. */
    public Uni<WithHistory> ownedWithHistory(UUID id, String iin) {
        return pool.preparedQuery(OWNED_WITH_HISTORY).execute(Tuple.of(id, iin)).map(rows -> read(rows, iin));
    }

    private static WithHistory read(RowSet<Row> rows, String iin) {
        Application application = null;
        List<ApplicationEvent> events = new ArrayList<>();
        for (Row row : rows) {
            if (application == null) {
                application = application(row, iin);
            }
            if (row.getLong("event_id") != null) {
                events.add(event(row, application.id));
            }
        }
        return application == null ? null : new WithHistory(application, events);
    }

    private static Application application(Row row, String iin) {
        Application a = new Application();
        a.id = row.getUUID("id");
        a.applicantIin = iin;
        a.channel = Channel.valueOf(row.getString("channel"));
        a.status = ApplicationStatus.valueOf(row.getString("status"));
        a.completedSteps = row.getString("completed_steps");
        a.cardNumber = row.getString("card_number");
        a.cardExpiresOn = row.getLocalDate("card_expires_on");
        a.personalDataConfirmed = row.getBoolean("personal_data_confirmed");
        a.contactPhone = row.getString("contact_phone");
        a.email = row.getString("email");
        a.address = row.getString("address");
        a.pickupPointId = row.getString("pickup_point_id");
        a.tier = enumOrNull(row, "tier", Tier.class);
        a.createdAt = row.getOffsetDateTime("created_at");
        a.updatedAt = row.getOffsetDateTime("updated_at");
        a.submittedAt = row.getOffsetDateTime("submitted_at");
        a.readyOn = row.getLocalDate("ready_on");
        a.readyOnEstimated = row.getBoolean("ready_on_estimated");
        a.statusReason = row.getString("status_reason");
        a.tsonRegion = row.getString("tson_region");
        a.language = row.getString("language");
        a.version = row.getInteger("version");
        return a;
    }

    private static ApplicationEvent event(Row row, UUID applicationId) {
        ApplicationEvent e = new ApplicationEvent();
        e.id = row.getLong("event_id");
        e.applicationId = applicationId;
        e.occurredAt = row.getOffsetDateTime("occurred_at");
        e.actor = row.getString("actor");
        e.fromStatus = enumOrNull(row, "from_status", ApplicationStatus.class);
        e.toStatus = ApplicationStatus.valueOf(row.getString("to_status"));
        e.step = enumOrNull(row, "step", Step.class);
        e.reason = row.getString("reason");
        return e;
    }

    private static <E extends Enum<E>> E enumOrNull(Row row, String column, Class<E> type) {
        String name = row.getString(column);
        return name == null ? null : Enum.valueOf(type, name);
    }
}
