package kz.egov.idcard.payment;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import kz.egov.idcard.common.adapters.Adapter;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/** Registering an invoice is safe to retry (the gateway keys it by our number), so one retry is made. */
@ApplicationScoped
@Adapter("http")
public class HttpPaymentGateway implements PaymentGateway {

    private static final Logger LOG = Logger.getLogger(HttpPaymentGateway.class);

    private final PaymentGatewayClient client;

    public HttpPaymentGateway(@RestClient PaymentGatewayClient client) {
        this.client = client;
    }

    @Override
    public Uni<String> register(InvoiceRequest invoice) {
        return client.register(new PaymentGatewayClient.Request(invoice.number(), invoice.amount(), invoice.currency(),
                        invoice.description(), invoice.expiresAt()))
                .onFailure().retry().atMost(1)
                .map(registered -> {
                    if (registered == null || registered.payUrl() == null || !registered.payUrl().startsWith("https://")
                            || registered.payUrl().length() > PaymentService.PAY_URL_MAX_LENGTH) {
                        throw new IllegalStateException("payment gateway answered without an https payUrl of at most " + PaymentService.PAY_URL_MAX_LENGTH + " characters");
                    }
                    return registered.payUrl();
                })
                .onFailure().transform(failure -> {
                    LOG.warnf("Payment gateway failed: %s", failure.toString());
                    return new ApiException(ErrorCode.PAYMENT_GATEWAY_UNAVAILABLE).retryAfter(30);
                });
    }

    /** Safe to repeat: the gateway keys a refund by our refund id. An answer that is not a known state is a failure. */
    @Override
    public Uni<RefundState> refund(RefundRequest refund) {
        return client.refund(refund.refundId().toString(), new PaymentGatewayClient.RefundCall(refund.refundId().toString(),
                        refund.invoiceNumber(), refund.paymentId(), refund.amount(), refund.currency(), refund.reason()))
                .map(answer -> {
                    if (answer == null || answer.status() == null) {
                        throw new IllegalStateException("payment gateway answered a refund without a status");
                    }
                    return switch (answer.status()) {
                        case "ACCEPTED" -> RefundState.ACCEPTED;
                        case "COMPLETED" -> RefundState.COMPLETED;
                        case "REJECTED" -> RefundState.REJECTED;
                        default -> throw new IllegalStateException("payment gateway answered an unknown refund status");
                    };
                });
    }
}
