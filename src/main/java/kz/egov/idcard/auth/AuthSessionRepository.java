package kz.egov.idcard.auth;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class AuthSessionRepository implements PanacheRepositoryBase<AuthSession, UUID> {

    public Uni<RefreshToken> refreshTokenForUpdate(byte[] tokenHash) {
        return RefreshToken.<RefreshToken>find("tokenHash", tokenHash)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** The citizen's newest session: the phone they last logged in with. */
    public Uni<AuthSession> newest(String iin) {
        return find("iin = ?1 order by createdAt desc", iin).firstResult();
    }

    public Uni<AuthSession> findForUpdate(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Ends the family: the session and every refresh token in it. */
    public Uni<Void> revoke(AuthSession session, String reason, OffsetDateTime now) {
        if (session.revokedAt == null) {
            session.revokedAt = now;
            session.revokeReason = reason;
        }
        return RefreshToken.update("status = ?1 where sessionId = ?2 and status = ?3",
                        RefreshToken.Status.REVOKED, session.id, RefreshToken.Status.ACTIVE)
                .replaceWithVoid();
    }
}
