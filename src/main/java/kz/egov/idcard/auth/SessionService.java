package kz.egov.idcard.auth;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import kz.egov.idcard.audit.AuditLog;
import kz.egov.idcard.audit.AuditType;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.web.ClientInfo;

/**
 * Login sessions as refresh-token families: each refresh spends the token and issues the next;
 * presenting a spent token again means it was stolen or replayed, so the whole family ends.
 */
@ApplicationScoped
public class SessionService {

    private final AuthSessionRepository sessions;
    private final TokenIssuer issuer;
    private final JwtConfig config;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SessionService(AuthSessionRepository sessions, TokenIssuer issuer, JwtConfig config, AuditLog audit, Clock clock) {
        this.sessions = sessions;
        this.issuer = issuer;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    /** The phone the citizen last logged in with (Digital ID proved it theirs); null when they never did. */
    public Uni<String> loginPhone(String iin) {
        return sessions.newest(iin).map(session -> session == null ? null : session.phone);
    }

    /** Opens a session for a citizen who has just proved the phone; runs in the caller's transaction. */
    public Uni<Tokens> open(String iin, String phone) {
        AuthSession session = new AuthSession();
        session.id = UUID.randomUUID();
        session.iin = iin;
        session.phone = phone;
        session.createdAt = OffsetDateTime.now(clock);
        return sessions.persist(session).chain(saved -> nextRefreshToken(saved));
    }

    /** Rotates the pair. A refusal after reuse is answered only once the family is revoked and audited. */
    public Uni<Tokens> refresh(String rawToken, ClientInfo client) {
        return Panache.withTransaction(() -> refreshInTransaction(rawToken, client)).map(outcome -> {
            if (outcome.error() != null) {
                throw new ApiException(outcome.error());
            }
            return outcome.tokens();
        });
    }

    private Uni<RefreshOutcome> refreshInTransaction(String rawToken, ClientInfo client) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return sessions.refreshTokenForUpdate(hash(rawToken)).chain(token -> {
            if (token == null) {
                return Uni.createFrom().item(RefreshOutcome.refused(ErrorCode.REFRESH_TOKEN_INVALID));
            }
            return sessions.findForUpdate(token.sessionId).chain(session -> {
                if (token.status == RefreshToken.Status.USED) {
                    return sessions.revoke(session, "REFRESH_TOKEN_REUSE", now)
                            .chain(() -> audit.record(AuditType.REFRESH_TOKEN_REUSE, session.iin, "session:" + session.id,
                                    "REVOKED", client, Map.of()))
                            .replaceWith(RefreshOutcome.refused(ErrorCode.REFRESH_TOKEN_REUSED));
                }
                if (token.status == RefreshToken.Status.REVOKED || session.revokedAt != null) {
                    return Uni.createFrom().item(RefreshOutcome.refused(ErrorCode.REFRESH_TOKEN_INVALID));
                }
                if (!token.expiresAt.isAfter(now)) {
                    return Uni.createFrom().item(RefreshOutcome.refused(ErrorCode.REFRESH_TOKEN_EXPIRED));
                }
                token.status = RefreshToken.Status.USED;
                token.usedAt = now;
                return nextRefreshToken(session)
                        .call(() -> audit.record(AuditType.TOKEN_REFRESHED, session.iin, "session:" + session.id,
                                "OK", client, Map.of()))
                        .map(RefreshOutcome::ok);
            });
        });
    }

    /** Ends the session the access token belongs to. Logging out twice is not an error. */
    @WithTransaction
    public Uni<Void> logout(String iin, UUID sessionId, ClientInfo client) {
        return sessions.findForUpdate(sessionId).chain(session -> {
            if (session == null || !session.iin.equals(iin)) {
                return Uni.createFrom().voidItem();
            }
            return sessions.revoke(session, "LOGOUT", OffsetDateTime.now(clock))
                    .chain(() -> audit.record(AuditType.LOGOUT, iin, "session:" + session.id, "OK", client, Map.of()));
        });
    }

    private Uni<Tokens> nextRefreshToken(AuthSession session) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        RefreshToken token = new RefreshToken();
        token.id = UUID.randomUUID();
        token.sessionId = session.id;
        token.tokenHash = hash(raw);
        token.status = RefreshToken.Status.ACTIVE;
        token.createdAt = OffsetDateTime.now(clock);
        token.expiresAt = token.createdAt.plus(config.refreshTokenTtl());
        return token.persist().map(saved -> new Tokens(
                issuer.accessToken(session.iin, session.phone, session.id, session.createdAt.toInstant()), raw,
                issuer.accessTokenSeconds(), config.refreshTokenTtl().toSeconds()));
    }

    static byte[] hash(String rawToken) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(rawToken.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record RefreshOutcome(Tokens tokens, ErrorCode error) {
        static RefreshOutcome ok(Tokens tokens) {
            return new RefreshOutcome(tokens, null);
        }

        static RefreshOutcome refused(ErrorCode error) {
            return new RefreshOutcome(null, error);
        }
    }
}
