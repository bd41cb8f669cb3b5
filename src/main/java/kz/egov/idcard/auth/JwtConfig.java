package kz.egov.idcard.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Our own access and refresh tokens. */
@ConfigMapping(prefix = "idcard.jwt")
public interface JwtConfig {

    /** {@code iss} of the tokens we issue and accept. */
    String issuer();

    /** {@code aud} of the tokens we issue and accept. */
    String audience();

    /** Life of an access token. */
    @WithDefault("PT15M")
    Duration accessTokenTtl();

    /** Life of a refresh token (each use rotates it). */
    @WithDefault("P30D")
    Duration refreshTokenTtl();

    /**
     * Verified access tokens kept so that a token's signature is checked once, not on every request
     * (0 turns this off). Bounded: about 1.9 KB of heap a token.
     */
    @WithDefault("20000")
    int verifiedCacheSize();

    /** ES256 signing key: PKCS#8 PEM or base64 DER. Required outside the sandbox. */
    Optional<String> privateKey();

    /** ES256 verification key: SPKI PEM or base64 DER. Required outside the sandbox. */
    Optional<String> publicKey();
}
