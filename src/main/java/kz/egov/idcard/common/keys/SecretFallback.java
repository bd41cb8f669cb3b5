package kz.egov.idcard.common.keys;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.util.function.Supplier;

/**
 * Where a secret that is not configured may come from. In production from nowhere: the service
 * refuses to start and names it. The sandbox makes it at first start and keeps it in its database,
 * so a restart keeps everyone's session. Chosen by {@code idcard.secrets.fallback}.
 */
public interface SecretFallback {

    /** The secret kept under this name, made with {@code make} the first time; empty where nothing stands in for configuration. */
    Optional<byte[]> secret(String name, Supplier<byte[]> make);

    /** Whether secrets that are not configured are made here (the sandbox), so that none is required. */
    boolean makesSecrets();

    /**
     * An HMAC-SHA256 key: the configured one (base64 of at least 32 bytes), else one made here (the
     * sandbox) under {@code name}; otherwise null, with what is missing added to {@code missing}.
     *
     * @param setting the environment variable and property, for the message, e.g. "IDCARD_OTP_HASH_KEY (idcard.otp.hash-key)"
     */
    default SecretKey hmacKey(Optional<String> configured, String name, String setting, List<String> missing) {
        if (configured.isPresent()) {
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(configured.get().trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("A configured key cannot be read: " + setting + ": " + e.getMessage(), e);
            }
            if (raw.length < 32) {
                missing.add(setting + " of at least 32 bytes, base64");
                return null;
            }
            return new SecretKeySpec(raw, "HmacSHA256");
        }
        Optional<byte[]> kept = secret(name, () -> randomBytes(32));
        if (kept.isEmpty()) {
            missing.add(setting);
            return null;
        }
        return new SecretKeySpec(kept.get(), "HmacSHA256");
    }

    /** Random bytes from the CSPRNG, for a secret made here. */
    static byte[] randomBytes(int length) {
        return KeyCodec.randomBytes(length);
    }
}
