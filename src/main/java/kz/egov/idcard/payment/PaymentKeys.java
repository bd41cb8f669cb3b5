package kz.egov.idcard.payment;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import kz.egov.idcard.common.keys.SecretFallback;
import kz.egov.idcard.common.startup.StartupRequirement;

/** The secret shared with the payment gateway, for the HMAC of its notices. Required outside the sandbox. */
@Singleton
public class PaymentKeys implements StartupRequirement {

    private static final int MIN_SECRET_BYTES = 32;

    private final List<String> missing = new ArrayList<>();
    private final SecretKey hmacKey;

    public PaymentKeys(PaymentsConfig config, SecretFallback fallback) {
        this.hmacKey = hmacKey(config, fallback);
    }

    private SecretKey hmacKey(PaymentsConfig config, SecretFallback fallback) {
        if (config.hmacSecret().isPresent()) {
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(config.hmacSecret().get().trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("A configured key cannot be read: " + e.getMessage(), e);
            }
            if (raw.length < MIN_SECRET_BYTES) {
                missing.add("IDCARD_PAYMENTS_HMAC_SECRET (idcard.payments.hmac-secret) of at least 32 bytes, base64");
                return null;
            }
            return new SecretKeySpec(raw, "HmacSHA256");
        }
        Optional<byte[]> kept = fallback.secret("payment-hmac-secret", () -> SecretFallback.randomBytes(32));
        if (kept.isEmpty()) {
            missing.add("IDCARD_PAYMENTS_HMAC_SECRET (idcard.payments.hmac-secret)");
            return null;
        }
        return new SecretKeySpec(kept.get(), "HmacSHA256");
    }

    @Override
    public List<String> missing() {
        return List.copyOf(missing);
    }

    public SecretKey hmacKey() {
        return hmacKey;
    }
}
