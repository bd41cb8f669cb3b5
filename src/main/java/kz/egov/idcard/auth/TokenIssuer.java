package kz.egov.idcard.auth;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import kz.egov.idcard.common.security.Roles;

/** Signs our short-lived access tokens (ES256) for a citizen's login session. */
@ApplicationScoped
public class TokenIssuer {


    private final AuthKeys keys;
    private final JwtConfig config;
    private final Clock clock;

    public TokenIssuer(AuthKeys keys, JwtConfig config, Clock clock) {
        this.keys = keys;
        this.config = config;
        this.clock = clock;
    }

    /**
     * An access token for the session; {@code loggedInAt} (the session's start) goes in the
     * standard {@code auth_time} claim, which admission control reads (common/web/Admission).
     */
    public String accessToken(String iin, String phone, UUID sessionId, Instant loggedInAt) {
        Instant now = clock.instant();
        return Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(iin)
                .upn(iin)
                .groups(Roles.CITIZEN)
                .claim(Roles.SESSION_CLAIM, sessionId.toString())
                .claim(Roles.PHONE_CLAIM, phone)
                .claim("jti", UUID.randomUUID().toString())
                .claim(Roles.AUTH_TIME_CLAIM, loggedInAt.getEpochSecond())
                .issuedAt(now)
                .expiresAt(now.plus(config.accessTokenTtl()))
                .jws()
                .algorithm(SignatureAlgorithm.ES256)
                .keyId(keys.tokenKeyId())
                .sign(keys.tokenSigningKey());
    }

    public long accessTokenSeconds() {
        return config.accessTokenTtl().toSeconds();
    }
}
