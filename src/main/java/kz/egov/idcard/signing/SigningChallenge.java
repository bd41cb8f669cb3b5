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

/** What the citizen is asked to sign: the content's digest and a fresh nonce; single use. */
@Entity
@Table(name = "signing_challenge")
public class SigningChallenge extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID applicationId;
    @Enumerated(EnumType.STRING)
    public Step step;
    public String digest;
    public String challenge;
    public OffsetDateTime createdAt;
    public OffsetDateTime expiresAt;
    public OffsetDateTime usedAt;
    public OffsetDateTime replacedAt;
    public byte[] smsCodeHash;
    public OffsetDateTime smsSentAt;
    public int smsFailedAttempts;
}
