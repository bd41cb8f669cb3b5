package kz.egov.idcard.reminder;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A reminder a citizen asked for, waiting for its day until it is sent or withdrawn (docs/product.md, Reminders). */
@Entity
@Table(name = "reminder")
public class Reminder extends PanacheEntityBase {

    public enum Kind {
        /** The day the online window opens for a citizen who came too early. */
        WINDOW_OPENS
    }

    public enum Status {
        PENDING,
        SENT,
        WITHDRAWN
    }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String citizenIin;
    /** What it is about, once per citizen (the day the window opens). */
    public String subject;
    public String phone;
    public String language;
    /** The message's parameters, JSON. */
    public String params;
    public OffsetDateTime dueAt;
    @Enumerated(EnumType.STRING)
    public Status status;
    public OffsetDateTime createdAt;
    public OffsetDateTime sentAt;
}
