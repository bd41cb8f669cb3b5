package kz.egov.idcard.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.payment.PaymentService;
import kz.egov.idcard.payment.PaymentNotices;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import static kz.egov.idcard.common.Texts.FREE_TEXT;

/** Plays the bank: makes the gateway's signed notice for an invoice and delivers it to the notice endpoint's handler. */
@ApplicationScoped
public class SandboxPayments {

    @RegisterForReflection
    @Schema(name = "SandboxPayment")
    public record Delivered(
            @Schema(maxLength = 32, pattern = "^[A-Z_]+$", description = "What the notice endpoint made of it", example = "APPLIED") String outcome,
            @Schema(minimum = "100", maximum = "599", format = "int32", description = "The HTTP status the notice endpoint answered", example = "200") int status,
            @Schema(maxLength = 1000, pattern = FREE_TEXT, description = "The notice as sent (raw JSON body)") String notice,
            @Schema(maxLength = 20, pattern = "^[0-9]+$", example = "1764306000") String timestamp,
            @Schema(maxLength = 64, pattern = "^[0-9a-f]{64}$", description = "X-Payment-Signature sent") String signature,
            @Schema(maxLength = 1000, pattern = FREE_TEXT, description = "Only when something here is probably not what you meant: "
                    + "a second payment of an invoice already paid, made because no Idempotency-Key was sent",
                    example = "This invoice was already paid: without an Idempotency-Key this is a second, separate payment by "
                            + "the bank, and the money is refunded by itself. To retry one payment, send the same Idempotency-Key.")
            String warning) {
    }

    /** Said when a payment without Idempotency-Key meets an invoice already paid: a second payment, not a retry. */
    static final String SECOND_PAYMENT_WARNING = "This invoice was already paid: without an Idempotency-Key this is a second, "
            + "separate payment by the bank, and the money is refunded by itself. To retry one payment, send the same Idempotency-Key.";

    private final PaymentNotices notices;
    private final PaymentService payments;
    private final SandboxRepository repository;
    private final ObjectMapper json;
    private final Clock clock;

    public SandboxPayments(PaymentNotices notices, PaymentService payments, SandboxRepository repository, ObjectMapper json,
            Clock clock) {
        this.repository = repository;
        this.notices = notices;
        this.payments = payments;
        this.json = json;
        this.clock = clock;
    }

    /** Pays as a bank would; the same idempotency key makes the same payment id, as a bank's retry of one payment. */
    public Uni<Delivered> pay(UUID invoiceId, BigDecimal amount, String idempotencyKey) {
        return payments.invoice(invoiceId).chain(invoice -> {
            if (invoice == null) {
                throw new ApiException(ErrorCode.INVOICE_NOT_FOUND);
            }
            Map<String, Object> notice = new LinkedHashMap<>();
            notice.put("paymentId", paymentId(invoiceId, idempotencyKey));
            notice.put("invoiceNumber", invoice.number());
            notice.put("amount", amount != null ? amount : invoice.amount());
            notice.put("currency", invoice.currency());
            notice.put("paidAt", clock.instant().toString());
            String body;
            try {
                body = json.writeValueAsString(notice);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            String timestamp = String.valueOf(clock.instant().getEpochSecond());
            String signature = notices.sign(timestamp, body);
            String warning = idempotencyKey == null && invoice.paidAt() != null ? SECOND_PAYMENT_WARNING : null;
            return notices.receive(body.getBytes(java.nio.charset.StandardCharsets.UTF_8), timestamp, signature).map(result -> new Delivered(result.outcome(),
                    result.error() == null ? 200 : result.error().status(), body, timestamp, signature, warning));
        });
    }

    @RegisterForReflection
    @Schema(name = "SandboxRefund", description = "What the sandbox bank was asked to give back")
    public record RefundAsked(
            @Schema(example = "a9c2f0f4-1c1e-4c55-b0a3-1b7d9a2e6f10") UUID invoiceId,
            @Schema(minimum = "0", maximum = "999999999999.99", multipleOf = 0.01, example = "1771.00") BigDecimal amount,
            @Schema(maxLength = 32, pattern = "^[A-Z_]+$", enumeration = {"CANCELLED_BY_CITIZEN", "NOT_CONFIRMED", "APPLICATION_ENDED",
                    "ALREADY_PAID", "INVOICE_EXPIRED"}, example = "CANCELLED_BY_CITIZEN") String reason,
            @Schema(example = "2026-11-28T10:30:00+05:00") java.time.OffsetDateTime requestedAt) {
    }

    /** What the sandbox bank was asked to refund for the invoice, oldest first. */
    public Uni<List<RefundAsked>> refunds(UUID invoiceId) {
        return payments.invoice(invoiceId).chain(invoice -> {
            if (invoice == null) {
                throw new ApiException(ErrorCode.INVOICE_NOT_FOUND);
            }
            return io.quarkus.hibernate.reactive.panache.Panache.withSession(() -> repository.refunds(invoice.number()))
                    .map(rows -> rows.stream().map(row -> new RefundAsked(invoiceId, (BigDecimal) row[0], (String) row[1],
                            kz.egov.idcard.common.time.Times.local((java.time.OffsetDateTime) row[2]))).toList());
        });
    }

    private static String paymentId(UUID invoiceId, String idempotencyKey) {
        if (idempotencyKey == null) {
            return "SBX-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((invoiceId + ":" + idempotencyKey).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "SBX-" + java.util.HexFormat.of().withUpperCase().formatHex(digest).substring(0, 13);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
