package kz.egov.idcard.auth;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A login: the family of refresh tokens that came from one verified code. */
@Entity
@Table(name = "auth_session")
public class AuthSession extends PanacheEntityBase {

    @Id
    public UUID id;
    public String iin;
    public String phone;
    public OffsetDateTime createdAt;
    public OffsetDateTime revokedAt;
    public String revokeReason;
}
