package kz.egov.idcard.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "idcard.applications")
public interface ApplicationsConfig {

    /** Online replacement opens this many days before the card expires (docs/product.md R2). */
    @WithDefault("30")
    int windowDaysBeforeExpiry();

    /** ... and closes this many days after it, both ends inclusive. */
    @WithDefault("10")
    int windowDaysAfterExpiry();

    /** A draft untouched this long expires (docs/product.md R8). */
    @WithDefault("PT24H")
    Duration draftTtl();

    /** How often expired drafts are looked for. */
    @WithDefault("60s")
    String expiryCheckEvery();

    /**
     * How long a paid mobile application waits for its Face ID / Touch ID confirmation; at half of
     * it the citizen is reminded, at its end the application is cancelled and the payment refunded.
     */
    @WithDefault("P30D")
    Duration paidConfirmationTtl();

    /** How long an Idempotency-Key and its first answer are kept. */
    @WithDefault("PT24H")
    Duration idempotencyKeyTtl();
}
