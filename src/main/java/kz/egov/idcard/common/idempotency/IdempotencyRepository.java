package kz.egov.idcard.common.idempotency;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

/** The kept first answers of idempotency keys (table idempotency_key). */
@ApplicationScoped
public class IdempotencyRepository {

    /** The request hash and body kept for the key since {@code since}, read in the caller's session. */
    Uni<List<Object[]>> find(String owner, String scope, String key, OffsetDateTime since) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT request_hash, body FROM idempotency_key WHERE owner = ?1 AND scope = ?2 AND idem_key = ?3 "
                                + "AND created_at > ?4", Object[].class)
                .setParameter(1, owner).setParameter(2, scope).setParameter(3, key).setParameter(4, since)
                .getResultList());
    }

    /** Keeps the answer in the caller's transaction. */
    Uni<Void> keep(String owner, String scope, String key, String requestHash, String body, OffsetDateTime now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO idempotency_key (owner, scope, idem_key, request_hash, status, body, created_at) "
                                + "VALUES (?1, ?2, ?3, ?4, 201, ?5, ?6) ON CONFLICT (owner, scope, idem_key) DO UPDATE "
                                + "SET request_hash = EXCLUDED.request_hash, body = EXCLUDED.body, created_at = EXCLUDED.created_at")
                .setParameter(1, owner).setParameter(2, scope).setParameter(3, key).setParameter(4, requestHash)
                .setParameter(5, body).setParameter(6, now)
                .executeUpdate()).replaceWithVoid();
    }

    /** Forgets the keys kept before {@code cutoff}, in a transaction of its own. */
    Uni<Void> forgetBefore(OffsetDateTime cutoff) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("DELETE FROM idempotency_key WHERE created_at < ?1")
                .setParameter(1, cutoff).executeUpdate())).replaceWithVoid();
    }
}
