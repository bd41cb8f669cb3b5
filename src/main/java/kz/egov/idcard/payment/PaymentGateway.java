package kz.egov.idcard.payment;

import io.smallrye.mutiny.Uni;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The payment gateway: registers an invoice and gives the link that opens it in a banking app; gives money back. */
public interface PaymentGateway {

    record InvoiceRequest(String number, BigDecimal amount, String currency, String description, OffsetDateTime expiresAt) {
    }

    /** A refund of one payment; {@code refundId} is the gateway's idempotency key, so asking again is harmless. */
    record RefundRequest(UUID refundId, String invoiceNumber, String paymentId, BigDecimal amount, String currency, String reason) {
    }

    /** What the gateway says of a refund. */
    enum RefundState {
        /** Taken; the money is on its way back. */
        ACCEPTED,
        /** The money went back. */
        COMPLETED,
        /** Refused for good (the payment is unknown to it, say). */
        REJECTED
    }

    /** The pay URL for the invoice; fails with PAYMENT_GATEWAY_UNAVAILABLE when the gateway does not take it. */
    Uni<String> register(InvoiceRequest invoice);

    /** Asks for the refund (again: the same refund id is one refund) and answers its state; fails when the gateway cannot say. */
    Uni<RefundState> refund(RefundRequest refund);
}
