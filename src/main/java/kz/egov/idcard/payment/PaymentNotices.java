package kz.egov.idcard.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import kz.egov.idcard.application.Application;
import kz.egov.idcard.application.ApplicationService;
import kz.egov.idcard.application.ApplicationStatus;
import kz.egov.idcard.application.Step;
import kz.egov.idcard.audit.AuditLog;
import kz.egov.idcard.audit.AuditType;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.db.Locks;

/**
 * The payment gateway's notices (docs/product.md R10). Each is stored as received with what became of it.
 * Authentic (HMAC-SHA256 over "timestamp.body" with the shared secret, compared in constant time)
 * and fresh (timestamp within the tolerance) or refused. A payment id takes effect once: a repeat
 * is a harmless duplicate. The amount and currency must be the invoice's. Money for an invoice
 * that can no longer be paid (expired, already paid, application moved on) is kept for refund
 * review, never lost.
 */
@ApplicationScoped
public class PaymentNotices {

    public static final String TIMESTAMP_HEADER = "X-Payment-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Payment-Signature";

    /** What became of a notice, and the error to answer when it was refused. */
    public record Result(String outcome, ErrorCode error) {
        static Result ok(String outcome) {
            return new Result(outcome, null);
        }
    }

    private record Parsed(String paymentId, String invoiceNumber, BigDecimal amount, String currency) {
    }

    private final ApplicationService applications;
    private final Refunds refunds;
    private final PaymentKeys keys;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final PaymentsConfig config;
    private final Clock clock;

    public PaymentNotices(ApplicationService applications, Refunds refunds, PaymentKeys keys, AuditLog audit, ObjectMapper json,
            PaymentsConfig config, Clock clock) {
        this.applications = applications;
        this.refunds = refunds;
        this.keys = keys;
        this.audit = audit;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    /** The HMAC the gateway puts in {@value #SIGNATURE_HEADER}: hex of HMAC-SHA256("timestamp.body"). */
    public String sign(String timestamp, String rawBody) {
        return sign(timestamp, rawBody.getBytes(StandardCharsets.UTF_8));
    }

    /** The HMAC over the body's bytes exactly as they came (not re-encoded). */
    public String sign(String timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.hmacKey());
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(rawBody));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A notice as received: the body's bytes (any bytes at all: they are kept as they came) and the two headers. */
    public Uni<Result> receive(byte[] rawBody, String timestamp, String signature) {
        byte[] body = rawBody == null ? new byte[0] : rawBody;
        if (signature == null || timestamp == null || !MessageDigest.isEqual(
                sign(timestamp, body).getBytes(StandardCharsets.US_ASCII), signature.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return refuse(body, timestamp, signature, null, "BAD_SIGNATURE", ErrorCode.NOTICE_SIGNATURE_INVALID);
        }
        if (!fresh(timestamp)) {
            return refuse(body, timestamp, signature, null, "STALE_TIMESTAMP", ErrorCode.NOTICE_TIMESTAMP_INVALID);
        }
        Parsed notice = parse(body);
        if (notice == null) {
            return refuse(body, timestamp, signature, null, "MALFORMED", ErrorCode.VALIDATION_FAILED);
        }
        return Panache.withTransaction(() -> Locks.advisory("payment:" + notice.paymentId())
                .chain(() -> PaymentNotice.count("paymentId = ?1 and outcome in ('APPLIED', 'REFUND_REQUESTED', 'REFUND_REVIEW')",
                        notice.paymentId()))
                .chain(done -> done > 0
                        ? record(body, timestamp, signature, notice, "DUPLICATE").replaceWith(Result.ok("DUPLICATE"))
                        : apply(body, timestamp, signature, notice)));
    }

    private Uni<Result> apply(byte[] body, String timestamp, String signature, Parsed notice) {
        return Invoice.<Invoice>find("number", notice.invoiceNumber()).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(invoice -> {
                    if (invoice == null) {
                        return record(body, timestamp, signature, notice, "UNKNOWN_INVOICE")
                                .replaceWith(new Result("UNKNOWN_INVOICE", ErrorCode.INVOICE_NOT_FOUND));
                    }
                    if (!invoice.currency.equals(notice.currency()) || invoice.amount.compareTo(notice.amount()) != 0) {
                        return record(body, timestamp, signature, notice, "AMOUNT_MISMATCH")
                                .call(() -> auditNotice(invoice, "AMOUNT_MISMATCH", notice))
                                .replaceWith(new Result("AMOUNT_MISMATCH", ErrorCode.PAYMENT_AMOUNT_MISMATCH));
                    }
                    return applications.lock(invoice.applicationId)
                            .chain(application -> {
                                OffsetDateTime now = OffsetDateTime.now(clock);
                                boolean payable = invoice.status == Invoice.Status.OPEN && invoice.expiresAt.isAfter(now)
                                        && application.status == ApplicationStatus.DRAFT
                                        && application.nextStep().filter(step -> step == Step.PAYMENT).isPresent();
                                if (!payable) {
                                    return record(body, timestamp, signature, notice, "REFUND_REQUESTED")
                                            .call(() -> auditNotice(invoice, "REFUND_REQUESTED", notice))
                                            .call(() -> refunds.request(invoice, notice.paymentId(), whyRefund(invoice, application),
                                                    application.applicantIin))
                                            .replaceWith(Result.ok("REFUND_REQUESTED"));
                                }
                                invoice.status = Invoice.Status.PAID;
                                invoice.paidAt = now;
                                invoice.paymentId = notice.paymentId();
                                return record(body, timestamp, signature, notice, "APPLIED")
                                        .call(() -> auditNotice(invoice, "APPLIED", notice))
                                        .chain(() -> applications.finishStep(application, Step.PAYMENT, "payment-gateway",
                                                "Paid " + invoice.amount.toPlainString() + " " + invoice.currency + " (invoice "
                                                        + invoice.number + ")"))
                                        .replaceWith(Result.ok("APPLIED"));
                            });
                });
    }

    /** Money that cannot buy a card goes back: why. */
    private static Refund.Reason whyRefund(Invoice invoice, kz.egov.idcard.application.Application application) {
        if (application.status != ApplicationStatus.DRAFT) {
            return Refund.Reason.APPLICATION_ENDED;
        }
        return invoice.status == Invoice.Status.PAID || application.paidAt != null ? Refund.Reason.ALREADY_PAID
                : Refund.Reason.INVOICE_EXPIRED;
    }

    private Uni<Void> auditNotice(Invoice invoice, String outcome, Parsed notice) {
        return applications.find(invoice.applicationId).chain(application -> audit.record(AuditType.PAYMENT_NOTICE,
                application == null ? null : application.applicantIin, "invoice:" + invoice.number, outcome, null,
                Map.of("paymentId", notice.paymentId(), "amount", notice.amount().toPlainString(), "currency", notice.currency())));
    }

    private Uni<Result> refuse(byte[] body, String timestamp, String signature, Parsed notice, String outcome, ErrorCode error) {
        return Panache.withTransaction(() -> record(body, timestamp, signature, notice, outcome)).replaceWith(new Result(outcome, error));
    }

    private Uni<Void> record(byte[] body, String timestamp, String signature, Parsed notice, String outcome) {
        PaymentNotice row = new PaymentNotice();
        row.receivedAt = OffsetDateTime.now(clock);
        row.rawBody = body.length > 65_536 ? java.util.Arrays.copyOf(body, 65_536) : body;
        row.timestampHeader = truncate(timestamp, 32);
        row.signatureHeader = truncate(signature, 128);
        if (notice != null) {
            row.paymentId = notice.paymentId();
            row.invoiceNumber = notice.invoiceNumber();
            row.amount = notice.amount();
            row.currency = notice.currency();
        }
        row.outcome = outcome;
        return row.persist().replaceWithVoid();
    }

    private boolean fresh(String timestamp) {
        try {
            Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
            return Duration.between(sent, clock.instant()).abs().compareTo(config.noticeTolerance()) <= 0;
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    private Parsed parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            String paymentId = text(node, "paymentId", 64);
            String invoice = text(node, "invoiceNumber", 32);
            String currency = text(node, "currency", 8);
            JsonNode amount = node.get("amount");
            if (paymentId == null || invoice == null || currency == null || amount == null || !amount.isNumber()) {
                return null;
            }
            BigDecimal value = amount.decimalValue();
            if (value.scale() > 2 || value.signum() <= 0 || value.precision() > 14) {
                return null;
            }
            return new Parsed(paymentId, invoice, value, currency);
        } catch (Exception malformed) {
            return null;
        }
    }

    private static String text(JsonNode node, String field, int max) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank() || value.asText().length() > max
                || value.asText().chars().anyMatch(Character::isISOControl)) {
            return null;
        }
        return value.asText();
    }

    private static String truncate(String value, int max) {
        return value == null ? null : value.length() > max ? value.substring(0, max) : value;
    }
}
