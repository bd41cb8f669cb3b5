package kz.egov.idcard.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** One-time SMS codes (docs/product.md, Security and data). */
@ConfigMapping(prefix = "idcard.otp")
public interface OtpConfig {

    /** How long a code can be used. */
    @WithDefault("PT5M")
    Duration ttl();

    /** How long before another code may be sent to the same phone. */
    @WithDefault("PT60S")
    Duration resendCooldown();

    /** Wrong codes a challenge survives; the next wrong one kills it. */
    @WithDefault("3")
    int maxAttempts();

    /** Code requests per phone number in any sliding hour, refused ones included. */
    @WithDefault("5")
    int perPhonePerHour();

    /** Code requests per IIN in any sliding hour, refused ones included. */
    @WithDefault("10")
    int perIinPerHour();

    /** HMAC key (base64, at least 32 bytes) under which codes are stored. Required outside the sandbox. */
    Optional<String> hashKey();
}
