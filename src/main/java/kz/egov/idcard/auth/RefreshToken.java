package kz.egov.idcard.auth;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A refresh token, stored only as its SHA-256; each use spends it and makes the next one. */
@Entity
@Table(name = "refresh_token")
public class RefreshToken extends PanacheEntityBase {

    public enum Status {
        ACTIVE,
        USED,
        REVOKED
    }

    @Id
    public UUID id;
    public UUID sessionId;
    public byte[] tokenHash;
    @Enumerated(EnumType.STRING)
    public Status status;
    public OffsetDateTime createdAt;
    public OffsetDateTime expiresAt;
    public OffsetDateTime usedAt;
}
