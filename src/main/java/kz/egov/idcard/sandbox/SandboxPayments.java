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
            @Schema(maxLength = 64, pattern = "^[0-9a-f]{64}$", description = "X-Payment-Signature sent") String signature) {
    }

    private final PaymentNotices notices;
    private final PaymentService payments;
    private final ObjectMapper json;
    private final Clock clock;

    public SandboxPayments(PaymentNotices notices, PaymentService payments, ObjectMapper json, Clock clock) {
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
            return notices.receive(body.getBytes(java.nio.charset.StandardCharsets.UTF_8), timestamp, signature).map(result -> new Delivered(result.outcome(),
                    result.error() == null ? 200 : result.error().status(), body, timestamp, signature));
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
