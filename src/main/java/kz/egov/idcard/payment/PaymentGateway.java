package kz.egov.idcard.payment;

import io.smallrye.mutiny.Uni;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** The payment gateway: registers an invoice and gives the link that opens it in a banking app. */
public interface PaymentGateway {

    record InvoiceRequest(String number, BigDecimal amount, String currency, String description, OffsetDateTime expiresAt) {
    }

    /** The pay URL for the invoice; fails with PAYMENT_GATEWAY_UNAVAILABLE when the gateway does not take it. */
    Uni<String> register(InvoiceRequest invoice);
}
