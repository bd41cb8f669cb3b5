package kz.egov.idcard.payment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A payment notice exactly as received, and what became of it. */
@Entity
@Table(name = "payment_notice")
public class PaymentNotice extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public OffsetDateTime receivedAt;
    /** The body's bytes as received (the first 64 KiB). */
    public byte[] rawBody;
    public String timestampHeader;
    public String signatureHeader;
    public String paymentId;
    public String invoiceNumber;
    public BigDecimal amount;
    public String currency;
    public String outcome;
}
