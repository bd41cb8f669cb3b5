package kz.egov.idcard.notification;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A notification waiting to go out, or gone out, or given up on. */
@Entity
@Table(name = "notification_outbox")
public class OutboxMessage extends PanacheEntityBase {

    public enum Status {
        PENDING,
        SENT,
        FAILED
    }

    @Id
    public UUID id;
    public String dedupeKey;
    public String channel;
    public String recipient;
    public String template;
    public String params;
    public String language;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;
    public int attempts;
    public OffsetDateTime nextAttemptAt;
    public String lastError;
    public OffsetDateTime createdAt;
    public OffsetDateTime sentAt;
}
