package kz.egov.idcard.payment;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

/** The sandbox's gateway: every invoice is taken; it is "paid" with POST /sandbox/payments/{invoiceId}/pay. */
@ApplicationScoped
@Typed(SandboxPaymentGateway.class)
public class SandboxPaymentGateway implements PaymentGateway {

    private final PaymentsConfig config;

    public SandboxPaymentGateway(PaymentsConfig config) {
        this.config = config;
    }

    @Override
    public Uni<String> register(InvoiceRequest invoice) {
        return Uni.createFrom().item(config.sandboxPayUrl() + invoice.number());
    }
}
