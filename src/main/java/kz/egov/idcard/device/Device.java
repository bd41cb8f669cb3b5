package kz.egov.idcard.device;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A phone's biometric-protected key; removed devices are kept (soft delete) for the signatures they made. */
@Entity
@Table(name = "device")
public class Device extends PanacheEntityBase {

    public enum Platform {
        IOS,
        ANDROID
    }

    @Id
    public UUID id;
    public String ownerIin;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Platform platform;
    public String name;
    public byte[] publicKey;
    public String fingerprint;
    public OffsetDateTime enrolledAt;
    public OffsetDateTime removedAt;
}
