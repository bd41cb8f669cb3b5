package kz.egov.idcard.notification;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The outbox of notifications (table notification_outbox). */
@ApplicationScoped
public class OutboxRepository {

    /** Queues a message in the caller's transaction, once per dedupe key. */
    Uni<Void> enqueue(String channel, String dedupeKey, String recipient, String template, String params, String language,
            OffsetDateTime now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO notification_outbox (id, dedupe_key, channel, recipient, template, params, language, status, "
                                + "attempts, next_attempt_at, created_at) VALUES (?1, ?2, ?8, ?3, ?4, ?5, ?6, 'PENDING', 0, ?7, ?7) "
                                + "ON CONFLICT (dedupe_key) DO NOTHING")
                .setParameter(1, UUID.randomUUID()).setParameter(2, dedupeKey).setParameter(3, recipient).setParameter(8, channel)
                .setParameter(4, template).setParameter(5, params).setParameter(6, language).setParameter(7, now)
                .executeUpdate()).replaceWithVoid();
    }
}
