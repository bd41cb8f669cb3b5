package kz.egov.idcard.biometrics;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One face-match attempt; the selfie only sealed, and erased after the retention time. */
@Entity
@Table(name = "biometric_attempt")
public class BiometricAttempt extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID applicationId;
    /** Whose face was tried: misses count per citizen across applications. */
    public String applicantIin;
    public OffsetDateTime attemptedAt;
    public String matcher;
    @Enumerated(EnumType.STRING)
    public FaceMatch.Decision decision;
    public BigDecimal score;
    @Enumerated(EnumType.STRING)
    public FaceMatch.Quality quality;
    public String selfieType;
    public String selfieKeyId;
    public byte[] selfieNonce;
    public byte[] selfieSealed;
    public OffsetDateTime erasedAt;
}
