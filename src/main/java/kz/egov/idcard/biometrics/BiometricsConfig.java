package kz.egov.idcard.biometrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Biometric identification (docs/product.md R6, R7). */
@ConfigMapping(prefix = "idcard.biometrics")
public interface BiometricsConfig {

    /** Which face matcher: {@code http} (the vendor service) or {@code sandbox} (picture comparison, not face recognition). */
    @WithDefault("http")
    String matcher();

    /** NO_MATCH answers before the application is redirected to a Public Service Center. */
    @WithDefault("3")
    int maxAttempts();

    /**
     * Misses a citizen may have within {@link #missesWindow()}, across all their applications; after
     * that a new application's biometric step sends them to a Public Service Center at once.
     */
    @WithDefault("3")
    int maxMissesPerCitizen();

    /** How far back a citizen's misses count. */
    @WithDefault("P30D")
    Duration missesWindow();

    /** Lowest score that counts as a match. */
    @WithDefault("0.97")
    double matchThreshold();

    /** Largest selfie accepted, in bytes of the decoded base64. */
    @WithDefault("5242880")
    int maxSelfieBytes();

    /** Smallest width and height of a selfie, in pixels. */
    @WithDefault("64")
    int minResolution();

    /** Largest width or height of a selfie, in pixels (a decompression bomb is refused before decoding). */
    @WithDefault("4096")
    int maxResolution();

    /** How long a selfie is kept (encrypted) after its attempt was decided; then it is erased. */
    @WithDefault("P30D")
    Duration retention();

    /** How often the retention job runs. */
    @WithDefault("1h")
    String retentionCheckEvery();

    /** AES-256 keys by id, each base64 of 32 bytes; several may be configured so old records stay readable. */
    Map<String, String> keys();

    /** The key id new records are encrypted with. Required outside the sandbox. */
    Optional<String> activeKey();
}
