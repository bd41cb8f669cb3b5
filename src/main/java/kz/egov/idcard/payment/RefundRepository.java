package kz.egov.idcard.payment;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class RefundRepository implements PanacheRepositoryBase<Refund, UUID> {

    /**
     * Records a refund in the caller's transaction unless the payment already has one (a second
     * cancel, a retried job, another instance): true when this call recorded it.
     */
    Uni<Boolean> requestOnce(Refund refund) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO refund (id, invoice_id, payment_id, amount, currency, reason, status, attempts, next_attempt_at, "
                                + "requested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'REQUESTED', 0, ?7, ?7) "
                                + "ON CONFLICT (payment_id) DO NOTHING")
                .setParameter(1, refund.id).setParameter(2, refund.invoiceId).setParameter(3, refund.paymentId)
                .setParameter(4, refund.amount).setParameter(5, refund.currency).setParameter(6, refund.reason.name())
                .setParameter(7, refund.requestedAt)
                .executeUpdate()).map(inserted -> inserted > 0);
    }

    /** The ids of refunds due to be (re)sent; the sender locks each one again before it acts. */
    Uni<List<UUID>> due(OffsetDateTime now, int limit) {
        return find("status in ?1 and nextAttemptAt <= ?2 order by nextAttemptAt",
                        List.of(Refund.Status.REQUESTED, Refund.Status.SENT), now)
                .page(0, limit).list().map(refunds -> refunds.stream().map(refund -> refund.id).toList());
    }

    /** The refund, locked until the transaction ends, or null when another instance is sending it right now. */
    Uni<Refund> lockIfFree(UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT * FROM refund WHERE id = ?1 FOR UPDATE SKIP LOCKED", Refund.class)
                .setParameter(1, id).getResultList())
                .map(found -> found.isEmpty() ? null : found.get(0));
    }

    /** The refunds of an invoice, newest first. */
    Uni<List<Refund>> ofInvoice(UUID invoiceId) {
        return list("invoiceId = ?1 order by requestedAt desc", invoiceId);
    }
}
