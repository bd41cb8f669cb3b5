package kz.egov.idcard.notification;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;

/** The outbox of notifications (table notification_outbox). */
@ApplicationScoped
public class OutboxRepository {

    /** A message to queue: where it goes, and the key that lets it be queued only once. */
    record Queued(String channel, String dedupeKey, String recipient) {
    }

    /**
     * Queues messages of one template in the caller's transaction, in one statement; each once
     * per dedupe key.
     */
    Uni<Void> enqueue(List<Queued> messages, String template, String params, String language, OffsetDateTime now) {
        StringJoiner rows = new StringJoiner(", ");
        for (int i = 0; i < messages.size(); i++) {
            int row = 5 + 4 * i;
            rows.add("(?" + row + ", ?" + (row + 1) + ", ?" + (row + 2) + ", ?" + (row + 3) + ", ?1, ?2, ?3, 'PENDING', 0, ?4, ?4)");
        }
        return Panache.getSession().chain(session -> {
            var insert = session.createNativeQuery("INSERT INTO notification_outbox (id, dedupe_key, channel, recipient, template, "
                            + "params, language, status, attempts, next_attempt_at, created_at) VALUES " + rows
                            + " ON CONFLICT (dedupe_key) DO NOTHING")
                    .setParameter(1, template).setParameter(2, params).setParameter(3, language).setParameter(4, now);
            for (int i = 0; i < messages.size(); i++) {
                Queued message = messages.get(i);
                int row = 5 + 4 * i;
                insert.setParameter(row, UUID.randomUUID()).setParameter(row + 1, message.dedupeKey())
                        .setParameter(row + 2, message.channel()).setParameter(row + 3, message.recipient());
            }
            return insert.executeUpdate();
        }).replaceWithVoid();
    }
}
