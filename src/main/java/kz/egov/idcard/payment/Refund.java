package kz.egov.idcard.payment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Money given back for a payment that bought no card: one per payment, sent until the gateway answers for good. */
@Entity
@Table(name = "refund")
public class Refund extends PanacheEntityBase {

    public enum Status {
        /** Recorded, not yet taken by the gateway. */
        REQUESTED,
        /** The gateway took it and has not said it is done. */
        SENT,
        /** The gateway says the money went back. */
        CONFIRMED,
        /** The gateway refused it, or could not be reached for good: for the operators to settle. */
        FAILED
    }

    /** Why the money goes back. */
    public enum Reason {
        /** The citizen cancelled the paid application before submission. */
        CANCELLED_BY_CITIZEN,
        /** The paid mobile application was not confirmed in time. */
        NOT_CONFIRMED,
        /** The money arrived for an application that had already ended. */
        APPLICATION_ENDED,
        /** The money arrived for an invoice already paid. */
        ALREADY_PAID,
        /** The money arrived for an invoice past its expiry. */
        INVOICE_EXPIRED
    }

    @Id
    public UUID id;
    public UUID invoiceId;
    public String paymentId;
    public BigDecimal amount;
    public String currency;
    @Enumerated(EnumType.STRING)
    public Reason reason;
    @Enumerated(EnumType.STRING)
    public Status status;
    public int attempts;
    public OffsetDateTime nextAttemptAt;
    public String lastError;
    public OffsetDateTime requestedAt;
    public OffsetDateTime sentAt;
    public OffsetDateTime confirmedAt;
}
