package kz.egov.idcard.sandbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import kz.egov.idcard.common.adapters.Adapter;
import kz.egov.idcard.payment.PaymentsConfig;
import kz.egov.idcard.payment.PaymentGateway;

/** The sandbox's gateway: every invoice is taken; it is "paid" with POST /sandbox/payments/{invoiceId}/pay. */
@ApplicationScoped
@Adapter("sandbox")
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
