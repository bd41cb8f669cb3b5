package kz.egov.idcard.payment;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.SecretKey;
import kz.egov.idcard.common.keys.SecretFallback;
import kz.egov.idcard.common.startup.StartupRequirement;

/** The secret shared with the payment gateway, for the HMAC of its notices. Required outside the sandbox. */
@Singleton
public class PaymentKeys implements StartupRequirement {

    private final List<String> missing = new ArrayList<>();
    private final SecretKey hmacKey;

    public PaymentKeys(PaymentsConfig config, SecretFallback fallback) {
        this.hmacKey = fallback.hmacKey(config.hmacSecret(), "payment-hmac-secret",
                "IDCARD_PAYMENTS_HMAC_SECRET (idcard.payments.hmac-secret)", missing);
    }

    @Override
    public List<String> missing() {
        return List.copyOf(missing);
    }

    public SecretKey hmacKey() {
        return hmacKey;
    }
}
