package kz.egov.idcard.payment;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.egov.idcard.audit.AuditLog;
import kz.egov.idcard.audit.AuditType;
import org.jboss.logging.Logger;

/**
 * Money given back (docs/product.md R10, Refunds): a refund is recorded once per payment, in the
 * transaction that decides it, then sent to the gateway by {@link #dispatch} until the gateway
 * confirms or refuses it. Two requests for one payment make one refund; two senders never send
 * one refund at the same time (the row is locked, the other skips it), and the gateway keys it
 * by its id, so a send repeated after a crash is one refund.
 */
@ApplicationScoped
public class Refunds {

    private static final Logger LOG = Logger.getLogger(Refunds.class);
    private static final int BATCH = 20;

    private final RefundRepository refunds;
    private final PaymentGateway gateway;
    private final AuditLog audit;
    private final PaymentsConfig config;
    private final Clock clock;

    public Refunds(RefundRepository refunds, PaymentGateway gateway, AuditLog audit, PaymentsConfig config, Clock clock) {
        this.refunds = refunds;
        this.gateway = gateway;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** Records, in the caller's transaction, the refund of a payment for an invoice; nothing when that payment already has one. */
    Uni<Void> request(Invoice invoice, String paymentId, Refund.Reason reason, String applicantIin) {
        Refund refund = new Refund();
        refund.id = UUID.randomUUID();
        refund.invoiceId = invoice.id;
        refund.paymentId = paymentId;
        refund.amount = invoice.amount;
        refund.currency = invoice.currency;
        refund.reason = reason;
        refund.requestedAt = OffsetDateTime.now(clock);
        return refunds.requestOnce(refund).chain(recorded -> !recorded ? Uni.createFrom().voidItem()
                : audit.record(AuditType.REFUND_REQUESTED, applicantIin, "invoice:" + invoice.number, reason.name(), null,
                        Map.of("paymentId", paymentId, "amount", invoice.amount.toPlainString(), "refund", refund.id.toString())));
    }

    /** The refunds of an invoice, newest first. */
    Uni<List<Refund>> ofInvoice(UUID invoiceId) {
        return refunds.ofInvoice(invoiceId);
    }

    /** Sends what is due, each refund in its own transaction; returns how many were sent. */
    public Uni<Integer> dispatch() {
        return Panache.withSession(() -> refunds.due(OffsetDateTime.now(clock), BATCH)).chain(due -> sendEach(due, 0, 0));
    }

    private Uni<Integer> sendEach(List<UUID> due, int index, int sent) {
        if (index == due.size()) {
            return Uni.createFrom().item(sent);
        }
        return Panache.withTransaction(() -> refunds.lockIfFree(due.get(index)).chain(this::send))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Refund %s not sent: %s", due.get(index), failure.toString());
                    return false;
                })
                .chain(done -> sendEach(due, index + 1, done ? sent + 1 : sent));
    }

    private Uni<Boolean> send(Refund refund) {
        if (refund == null || (refund.status != Refund.Status.REQUESTED && refund.status != Refund.Status.SENT)) {
            return Uni.createFrom().item(false);
        }
        return Invoice.<Invoice>findById(refund.invoiceId)
                .chain(invoice -> gateway.refund(new PaymentGateway.RefundRequest(refund.id, invoice.number, refund.paymentId,
                                refund.amount, refund.currency, refund.reason.name()))
                        .map(state -> answered(refund, state))
                        .onFailure().recoverWithItem(failure -> unanswered(refund, failure))
                        .call(status -> status == Refund.Status.CONFIRMED || status == Refund.Status.FAILED
                                ? audit.record(status == Refund.Status.CONFIRMED ? AuditType.REFUND_CONFIRMED : AuditType.REFUND_FAILED,
                                        null, "invoice:" + invoice.number, status.name(), null,
                                        Map.of("refund", refund.id.toString(), "attempts", refund.attempts))
                                : Uni.createFrom().voidItem()))
                .replaceWith(true);
    }

    private Refund.Status answered(Refund refund, PaymentGateway.RefundState state) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        refund.attempts++;
        refund.lastError = null;
        switch (state) {
            case COMPLETED -> {
                refund.status = Refund.Status.CONFIRMED;
                refund.sentAt = refund.sentAt == null ? now : refund.sentAt;
                refund.confirmedAt = now;
            }
            case ACCEPTED -> {
                refund.status = Refund.Status.SENT;
                refund.sentAt = refund.sentAt == null ? now : refund.sentAt;
                refund.nextAttemptAt = now.plus(config.refundRecheck());
            }
            case REJECTED -> {
                refund.status = Refund.Status.FAILED;
                refund.lastError = "Refused by the payment gateway";
                LOG.errorf("Refund %s of payment %s was refused by the payment gateway: settle it by hand", refund.id, refund.paymentId);
            }
        }
        return refund.status;
    }

    /** No answer: try again later, backing off, up to {@code idcard.payments.refund-max-attempts}; then FAILED for the operators. */
    private Refund.Status unanswered(Refund refund, Throwable failure) {
        refund.attempts++;
        refund.lastError = truncate(failure.toString(), 500);
        if (refund.attempts >= config.refundMaxAttempts()) {
            refund.status = Refund.Status.FAILED;
            LOG.errorf("Refund %s of payment %s failed %d times, last: %s; settle it by hand", refund.id, refund.paymentId,
                    refund.attempts, refund.lastError);
        } else {
            long backoff = Math.min(3600, 30L << Math.min(refund.attempts, 7));
            refund.nextAttemptAt = OffsetDateTime.now(clock).plus(Duration.ofSeconds(backoff));
        }
        return refund.status;
    }

    private static String truncate(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }
}
