package kz.egov.idcard.sandbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import kz.egov.idcard.common.db.Locks;

/** The sandbox's own tables that have no entity: its secrets and the pushes it "sent". */
@ApplicationScoped
@WithSession
public class SandboxRepository {

    /** Loads a secret, or makes and stores it; instances starting at once agree on one value (an advisory lock). */
    public Uni<byte[]> secret(String name, OffsetDateTime now, Supplier<byte[]> make) {
        return Panache.withTransaction(() -> Locks.advisory("sandbox-secrets")
                .chain(() -> Panache.getSession())
                .chain(session -> session.createNativeQuery("SELECT value FROM sandbox_secret WHERE name = ?1", byte[].class)
                        .setParameter(1, name).getResultList()
                        .chain(found -> {
                            if (!found.isEmpty()) {
                                return Uni.createFrom().item(found.get(0));
                            }
                            byte[] value = make.get();
                            return session.createNativeQuery("INSERT INTO sandbox_secret (name, value, created_at) VALUES (?1, ?2, ?3)")
                                    .setParameter(1, name).setParameter(2, value).setParameter(3, now)
                                    .executeUpdate().replaceWith(value);
                        })));
    }

    public Uni<Void> push(String iin, String title, String body, OffsetDateTime now) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("INSERT INTO sandbox_push (iin, title, body, pushed_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, iin).setParameter(2, title).setParameter(3, body).setParameter(4, now)
                .executeUpdate())).replaceWithVoid();
    }

    /** Notes what the sandbox bank was asked to refund, once per refund id however often it is asked. */
    public Uni<Void> refund(UUID refundId, String invoiceNumber, String paymentId, BigDecimal amount, String currency, String reason,
            OffsetDateTime now) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("INSERT INTO sandbox_refund (refund_id, invoice_number, payment_id, amount, currency, reason, "
                        + "requested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (refund_id) DO NOTHING")
                .setParameter(1, refundId).setParameter(2, invoiceNumber).setParameter(3, paymentId).setParameter(4, amount)
                .setParameter(5, currency).setParameter(6, reason).setParameter(7, now)
                .executeUpdate())).replaceWithVoid();
    }

    /** What the sandbox bank was asked to refund for an invoice: amount, reason, requested_at, oldest first. */
    public Uni<List<Object[]>> refunds(String invoiceNumber) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT amount, reason, requested_at FROM sandbox_refund WHERE invoice_number = ?1 ORDER BY requested_at",
                        Object[].class)
                .setParameter(1, invoiceNumber).getResultList());
    }

    /** The newest pushes to a citizen: iin, title, body, pushed_at. */
    public Uni<List<Object[]>> pushes(String iin, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT iin, title, body, pushed_at FROM sandbox_push WHERE iin = ?1 ORDER BY id DESC LIMIT ?2", Object[].class)
                .setParameter(1, iin).setParameter(2, limit).getResultList());
    }

    /** Keeps the private key of a test phone the sandbox enrolled. */
    public Uni<Void> deviceKey(UUID deviceId, String ownerIin, byte[] privateKey, OffsetDateTime now) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("INSERT INTO sandbox_device_key (device_id, owner_iin, private_key, created_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, deviceId).setParameter(2, ownerIin).setParameter(3, privateKey).setParameter(4, now)
                .executeUpdate())).replaceWithVoid();
    }

    /** The private key (PKCS#8) of a test phone the sandbox enrolled for this citizen, if it did. */
    public Uni<Optional<byte[]>> deviceKey(UUID deviceId, String ownerIin) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT private_key FROM sandbox_device_key WHERE device_id = ?1 AND owner_iin = ?2", byte[].class)
                .setParameter(1, deviceId).setParameter(2, ownerIin).getResultList())
                .map(found -> found.stream().findFirst());
    }
}
