package kz.egov.idcard.payment;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import kz.egov.idcard.application.Application;
import kz.egov.idcard.application.ApplicationService;
import kz.egov.idcard.application.Step;
import kz.egov.idcard.audit.AuditLog;
import kz.egov.idcard.audit.AuditType;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.i18n.Messages;
import kz.egov.idcard.common.time.Times;
import kz.egov.idcard.common.web.ClientInfo;
import kz.egov.idcard.fees.FeeSchedule;
import kz.egov.idcard.fees.FeeService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import static kz.egov.idcard.common.Texts.FREE_TEXT;

/** The PAYMENT step's invoice: amount from the fee schedule at the moment it is made, one open per application. */
@ApplicationScoped
public class PaymentService {

    @RegisterForReflection
    @Schema(name = "Invoice")
    public record InvoiceView(
            @Schema(example = "a9c2f0f4-1c1e-4c55-b0a3-1b7d9a2e6f10") UUID invoiceId,
            @Schema(maxLength = 32, pattern = "^[A-Z0-9-]+$", example = "IDC-20261128-7F3K9Q") String number,
            @Schema(minimum = "0", maximum = "999999999999.99", multipleOf = 0.01, description = "KZT, exact", example = "865.00") BigDecimal amount,
            @Schema(enumeration = {"KZT"}, example = "KZT") String currency,
            @Schema(enumeration = {"OPEN", "PAID", "EXPIRED", "REFUND_REQUESTED", "REFUNDED"}, description = "REFUND_REQUESTED "
                    + "while the money goes back (the application ended paid without a card, or the money came too late), "
                    + "REFUNDED once the gateway confirms it", example = "OPEN") String status,
            @Schema(maxLength = 200, pattern = FREE_TEXT, example = "0.2 МРП 2026 года (МРП = 4325 тенге)") String basis,
            @Schema(example = "2026-11-29T10:00:00+05:00") OffsetDateTime expiresAt,
            @Schema(example = "2026-11-28T10:03:00+05:00") OffsetDateTime paidAt,
            @Schema(maxLength = PAY_URL_MAX_LENGTH, pattern = "^https://", description = "Opens the invoice in a banking app", example = "https://pay.sandbox.egov.kz/invoices/IDC-20261128-7F3K9Q")
            String payUrl) {

        static InvoiceView of(Invoice i) {
            return of(i, i.status.name());
        }

        static InvoiceView of(Invoice i, String status) {
            return new InvoiceView(i.id, i.number, i.amount, i.currency, status, i.basis, Times.local(i.expiresAt),
                    Times.local(i.paidAt), i.payUrl);
        }
    }

    /** The invoice, and whether it was made now (201) or already open (200). */
    public record Issued(InvoiceView invoice, boolean created) {
    }

    /** The longest payUrl we accept from the gateway and show (HttpPaymentGateway refuses a longer one). */
    public static final int PAY_URL_MAX_LENGTH = 2048;
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private final ApplicationService applications;
    private final Refunds refunds;
    private final FeeService fees;
    private final PaymentGateway gateway;
    private final AuditLog audit;
    private final Messages messages;
    private final PaymentsConfig config;
    private final Clock clock;
    private final java.security.SecureRandom random = new java.security.SecureRandom();

    public PaymentService(ApplicationService applications, Refunds refunds, FeeService fees, PaymentGateway gateway, AuditLog audit,
            Messages messages, PaymentsConfig config, Clock clock) {
        this.applications = applications;
        this.refunds = refunds;
        this.fees = fees;
        this.gateway = gateway;
        this.audit = audit;
        this.messages = messages;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Makes the invoice, or gives back the one still open. The gateway is asked before anything is
     * stored, so a gateway failure leaves nothing behind.
     */
    public Uni<Issued> invoice(String iin, UUID applicationId, Locale locale, ClientInfo client) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Panache.withSession(() -> applications.owned(iin, applicationId).chain(application -> {
            ApplicationService.requireNext(application, Step.PAYMENT);
            return openInvoice(applicationId, now).chain(open -> {
                if (open != null) {
                    return Uni.createFrom().item(new Issued(InvoiceView.of(open), false));
                }
                return fees.quote(application.tier, LocalDate.now(clock)).chain(quote -> {
                    Invoice invoice = newInvoice(application, quote.fee(), locale, now);
                    return gateway.register(new PaymentGateway.InvoiceRequest(invoice.number, invoice.amount, invoice.currency,
                                    messages.get(locale, "invoice.description", application.cardNumber), invoice.expiresAt))
                            .chain(payUrl -> {
                                invoice.payUrl = payUrl;
                                return store(application, invoice, client);
                            });
                });
            });
        }));
    }

    /** An invoice by its id, whoever asks (the sandbox bank pays by invoice id); null when there is none. */
    @WithSession
    public Uni<InvoiceView> invoice(UUID invoiceId) {
        return Invoice.<Invoice>findById(invoiceId).map(found -> found == null ? null : InvoiceView.of(found));
    }

    /** The latest invoice as the citizen sees it: its own status, or the refund of the money paid for it. */
    @WithSession
    public Uni<InvoiceView> current(String iin, UUID applicationId) {
        return applications.owned(iin, applicationId).chain(application -> latest(applicationId))
                .chain(invoice -> {
                    if (invoice == null) {
                        throw new ApiException(ErrorCode.INVOICE_NOT_FOUND);
                    }
                    return refunds.ofInvoice(invoice.id).map(all -> InvoiceView.of(invoice, status(invoice, all)));
                });
    }

    private String status(Invoice invoice, List<Refund> refunds) {
        // A second payment of a paid invoice is refunded, but the first still stands: only the refund of the
        // invoice's own payment (or of money for an invoice that was never paid) is the invoice's status.
        Refund own = refunds.stream().filter(r -> invoice.paymentId == null || invoice.paymentId.equals(r.paymentId))
                .findFirst().orElse(null);
        if (own != null) {
            return own.status == Refund.Status.CONFIRMED ? "REFUNDED" : "REFUND_REQUESTED";
        }
        if (invoice.status == Invoice.Status.OPEN && !invoice.expiresAt.isAfter(OffsetDateTime.now(clock))) {
            return Invoice.Status.EXPIRED.name();
        }
        return invoice.status.name();
    }

    private static Uni<Invoice> latest(UUID applicationId) {
        return Invoice.<Invoice>find("applicationId = ?1 order by createdAt desc", applicationId).firstResult();
    }

    private Uni<Issued> store(Application application, Invoice invoice, ClientInfo client) {
        return Panache.withTransaction(() -> applications.lockOwned(application.applicantIin, application.id)
                .chain(locked -> {
                    ApplicationService.requireNext(locked, Step.PAYMENT);
                    return openInvoice(locked.id, OffsetDateTime.now(clock)).chain(open -> open != null
                            ? Uni.createFrom().item(new Issued(InvoiceView.of(open), false))
                            : keep(locked, invoice, client));
                }));
    }

    /** Keeps the new invoice; while it can be paid, the draft stays open (the money may be on its way). */
    private Uni<Issued> keep(Application application, Invoice invoice, ClientInfo client) {
        applications.holdUntil(application, invoice.expiresAt);
        return invoice.<Invoice>persist()
                .call(saved -> audit.record(AuditType.INVOICE_CREATED, application.applicantIin,
                        "application:" + application.id, "OPEN", client,
                        Map.of("invoice", saved.number, "amount", saved.amount.toPlainString())))
                .map(saved -> new Issued(InvoiceView.of(saved), true));
    }

    /** The open invoice, if any; one past its expiry is closed as EXPIRED on the way. */
    private Uni<Invoice> openInvoice(UUID applicationId, OffsetDateTime now) {
        return Invoice.<Invoice>find("applicationId = ?1 and status = ?2", applicationId, Invoice.Status.OPEN).firstResult()
                .chain(open -> {
                    if (open == null || open.expiresAt.isAfter(now)) {
                        return Uni.createFrom().item(open);
                    }
                    return Panache.withTransaction(() -> Invoice.update("status = ?1 where id = ?2", Invoice.Status.EXPIRED, open.id))
                            .replaceWith((Invoice) null);
                });
    }

    private Invoice newInvoice(Application application, FeeSchedule.Fee fee, Locale locale, OffsetDateTime now) {
        Invoice invoice = new Invoice();
        invoice.id = UUID.randomUUID();
        invoice.number = "IDC-" + now.toLocalDate().toString().replace("-", "") + "-" + randomCode(6);
        invoice.applicationId = application.id;
        invoice.tier = application.tier;
        invoice.amount = fee.amount();
        invoice.currency = "KZT";
        invoice.basis = fee.isMrpBased()
                ? messages.get(locale, "fee.basis.mrp", fee.mrpShare().stripTrailingZeros().toPlainString(),
                        String.valueOf(fee.mrpYear()), fee.mrp().stripTrailingZeros().toPlainString())
                : messages.get(locale, "fee.basis.fixed", fee.tier().name());
        invoice.status = Invoice.Status.OPEN;
        invoice.createdAt = now;
        invoice.expiresAt = now.plus(config.invoiceTtl());
        return invoice;
    }

    private String randomCode(int length) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < length; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
