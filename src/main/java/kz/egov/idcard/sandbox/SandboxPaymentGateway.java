package kz.egov.idcard.sandbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import kz.egov.idcard.common.adapters.Adapter;
import kz.egov.idcard.payment.PaymentsConfig;
import kz.egov.idcard.payment.PaymentGateway;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * The sandbox's gateway: every invoice is taken; it is "paid" with POST /sandbox/payments/{invoiceId}/pay.
 * Every refund is done at once and listed at GET /sandbox/refunds.
 */
@ApplicationScoped
@Adapter("sandbox")
public class SandboxPaymentGateway implements PaymentGateway {

    private final PaymentsConfig config;
    private final SandboxRepository repository;
    private final Clock clock;

    public SandboxPaymentGateway(PaymentsConfig config, SandboxRepository repository, Clock clock) {
        this.config = config;
        this.repository = repository;
        this.clock = clock;
    }

    /** Every refund is done at once; what was asked is listed at GET /sandbox/refunds. */
    @Override
    public Uni<RefundState> refund(RefundRequest refund) {
        return repository.refund(refund.refundId(), refund.invoiceNumber(), refund.paymentId(), refund.amount(), refund.currency(),
                refund.reason(), OffsetDateTime.now(clock)).replaceWith(RefundState.COMPLETED);
    }

    @Override
    public Uni<String> register(InvoiceRequest invoice) {
        return Uni.createFrom().item(config.sandboxPayUrl() + invoice.number());
    }
}
