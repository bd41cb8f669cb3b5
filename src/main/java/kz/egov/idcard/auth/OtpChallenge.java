package kz.egov.idcard.auth;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One request for a login code; refused requests are kept too, so the hourly limits count them. */
@Entity
@Table(name = "otp_challenge")
public class OtpChallenge extends PanacheEntityBase {

    public enum Status {
        /** The code went out by SMS and can be verified. */
        SENT,
        /** The IIN and phone did not match in the mobile citizens database; nothing was sent. */
        REFUSED,
        /** The SMS gateway did not take the message. */
        SEND_FAILED,
        /** The right code was given; the challenge cannot be used again. */
        VERIFIED,
        /** Too many wrong codes. */
        LOCKED
    }

    @Id
    public UUID id;
    public String iin;
    public String phone;
    @Enumerated(EnumType.STRING)
    public Status status;
    public byte[] codeHash;
    public int failedAttempts;
    public OffsetDateTime createdAt;
    public OffsetDateTime expiresAt;
    public OffsetDateTime resendAvailableAt;
    public OffsetDateTime verifiedAt;
    /** When the SMS gateway took the code; null while it has not (yet). */
    public OffsetDateTime smsSentAt;
    @Version
    public int version;
}
