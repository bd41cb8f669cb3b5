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
import kz.egov.idcard.points.Tier;

/** An invoice for the state fee; its amount is fixed when it is made (docs/product.md R10). */
@Entity
@Table(name = "invoice")
public class Invoice extends PanacheEntityBase {

    public enum Status {
        OPEN,
        PAID,
        EXPIRED
    }

    @Id
    public UUID id;
    public String number;
    public UUID applicationId;
    @Enumerated(EnumType.STRING)
    public Tier tier;
    public BigDecimal amount;
    public String currency;
    public String basis;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String payUrl;
    public OffsetDateTime createdAt;
    public OffsetDateTime expiresAt;
    public OffsetDateTime paidAt;
    public String paymentId;
}
