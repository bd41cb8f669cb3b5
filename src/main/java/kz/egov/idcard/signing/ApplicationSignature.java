package kz.egov.idcard.signing;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import kz.egov.idcard.application.Step;

/** An accepted signature over the application's content; void once the content changes. */
@Entity
@Table(name = "application_signature")
public class ApplicationSignature extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID applicationId;
    @Enumerated(EnumType.STRING)
    public Step step;
    public String method;
    public UUID challengeId;
    public String digest;
    public UUID deviceId;
    public byte[] signature;
    public OffsetDateTime signedAt;
    public boolean valid;
}
