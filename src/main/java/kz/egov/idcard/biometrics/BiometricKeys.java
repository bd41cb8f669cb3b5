package kz.egov.idcard.biometrics;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import kz.egov.idcard.common.keys.SecretFallback;
import kz.egov.idcard.common.startup.StartupRequirement;

/**
 * The AES-256 keys that seal biometric data at rest (docs/product.md R7), by id, and the one that
 * seals now; old ones stay so that old records can be read. Required outside the sandbox.
 */
@Singleton
public class BiometricKeys implements StartupRequirement {

    private final List<String> missing = new ArrayList<>();
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();
    private final String active;

    public BiometricKeys(BiometricsConfig config, SecretFallback fallback) {
        config.keys().forEach((id, value) -> {
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(value.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("A configured key cannot be read: " + e.getMessage(), e);
            }
            if (raw.length != 32 || !id.matches("[A-Za-z0-9_-]{1,32}")) {
                missing.add("IDCARD_BIOMETRICS_KEYS_" + id.toUpperCase(Locale.ROOT) + " (idcard.biometrics.keys." + id
                        + ") as base64 of exactly 32 bytes, id of at most 32 letters, digits, _ or -");
            } else {
                keys.put(id, new SecretKeySpec(raw, "AES"));
            }
        });
        this.active = active(config, fallback);
    }

    private String active(BiometricsConfig config, SecretFallback fallback) {
        if (config.activeKey().isPresent()) {
            String id = config.activeKey().get();
            if (!keys.containsKey(id)) {
                missing.add("idcard.biometrics.keys." + id + " (the active biometric key)");
            }
            return id;
        }
        Optional<byte[]> kept = keys.isEmpty() ? fallback.secret("biometric-key", () -> SecretFallback.randomBytes(32)) : Optional.empty();
        if (kept.isEmpty()) {
            missing.add("IDCARD_BIOMETRICS_ACTIVE_KEY (idcard.biometrics.active-key) and its key IDCARD_BIOMETRICS_KEYS_<ID>");
            return null;
        }
        keys.put("sandbox", new SecretKeySpec(kept.get(), "AES"));
        return "sandbox";
    }

    @Override
    public List<String> missing() {
        return List.copyOf(missing);
    }

    public Map<String, SecretKey> keys() {
        return Map.copyOf(keys);
    }

    public String active() {
        return active;
    }
}
