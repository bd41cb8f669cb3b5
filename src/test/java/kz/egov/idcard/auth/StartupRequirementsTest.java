package kz.egov.idcard.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.List;
import kz.egov.idcard.biometrics.BiometricKeys;
import kz.egov.idcard.biometrics.BiometricsConfig;
import kz.egov.idcard.common.keys.NoSecretFallback;
import kz.egov.idcard.common.startup.StartupRequirements;
import kz.egov.idcard.payment.PaymentKeys;
import kz.egov.idcard.payment.PaymentsConfig;
import org.junit.jupiter.api.Test;

/** Outside the sandbox the service refuses to start without its keys and secrets, naming each one. */
class StartupRequirementsTest {

    @Test
    void refusesToStartWithoutKeysNamingEveryMissingOne() {
        assertThatThrownBy(() -> start(jwt(null, null), otp(null), biometrics(null), payments(null), operators(false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("IDCARD_JWT_PRIVATE_KEY")
                .hasMessageContaining("IDCARD_JWT_PUBLIC_KEY")
                .hasMessageContaining("IDCARD_OTP_HASH_KEY")
                .hasMessageContaining("IDCARD_BIOMETRICS_ACTIVE_KEY")
                .hasMessageContaining("IDCARD_PAYMENTS_HMAC_SECRET")
                .hasMessageContaining("IDCARD_OPERATORS_PUBLIC_KEY");
    }

    @Test
    void refusesABiometricKeyThatIsNot256Bits() {
        KeyPair pair = pair();
        assertThatThrownBy(() -> start(jwt(pair, pair), otp(Base64.getEncoder().encodeToString(new byte[32])),
                biometrics(Base64.getEncoder().encodeToString(new byte[16])), payments(Base64.getEncoder().encodeToString(new byte[32])), operators(true)))
                .hasMessageContaining("idcard.biometrics.keys.k1");
    }

    @Test
    void refusesAShortOtpKey() {
        KeyPair pair = pair();
        assertThatThrownBy(() -> start(jwt(pair, pair), otp(Base64.getEncoder().encodeToString(new byte[16])),
                biometrics(Base64.getEncoder().encodeToString(new byte[32])), payments(Base64.getEncoder().encodeToString(new byte[32])), operators(true)))
                .hasMessageContaining("IDCARD_OTP_HASH_KEY");
    }

    @Test
    void startsWithConfiguredPemKeys() {
        KeyPair pair = pair();
        Started keys = start(jwt(pair, pair), otp(Base64.getEncoder().encodeToString(new byte[32])),
                biometrics(Base64.getEncoder().encodeToString(new byte[32])), payments(Base64.getEncoder().encodeToString(new byte[32])), operators(true));
        assertThat(keys.biometric().active()).isEqualTo("k1");
        assertThat(keys.auth().tokenVerificationKey()).isEqualTo(pair.getPublic());
        assertThat(keys.auth().tokenKeyId()).hasSize(16);
    }

    /** The key holders of a production start (nothing stands in for a missing secret), and its one check. */
    private record Started(AuthKeys auth, BiometricKeys biometric, PaymentKeys payment) {
    }

    private static Started start(JwtConfig jwt, OtpConfig otp, BiometricsConfig biometrics, PaymentsConfig payments,
            OperatorsConfig operators) {
        NoSecretFallback production = new NoSecretFallback();
        Started started = new Started(new AuthKeys(jwt, otp, operators, production), new BiometricKeys(biometrics, production),
                new PaymentKeys(payments, production));
        StartupRequirements.refuseIfMissing(List.of(started.auth(), started.biometric(), started.payment()));
        return started;
    }

    private static KeyPair pair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static JwtConfig jwt(KeyPair privateHalf, KeyPair publicHalf) {
        return new JwtConfig() {
            public String issuer() { return "https://idcard.egov.kz"; }
            public String audience() { return "egov-mobile"; }
            public Duration accessTokenTtl() { return Duration.ofMinutes(15); }
            public Duration refreshTokenTtl() { return Duration.ofDays(30); }
            public int verifiedCacheSize() { return 10_000; }
            public Optional<String> privateKey() {
                return Optional.ofNullable(privateHalf).map(p -> pem("PRIVATE KEY", p.getPrivate().getEncoded()));
            }
            public Optional<String> publicKey() {
                return Optional.ofNullable(publicHalf).map(p -> Base64.getEncoder().encodeToString(p.getPublic().getEncoded()));
            }
        };
    }

    private static OtpConfig otp(String hashKey) {
        return new OtpConfig() {
            public Duration ttl() { return Duration.ofMinutes(5); }
            public Duration resendCooldown() { return Duration.ofSeconds(60); }
            public int maxAttempts() { return 3; }
            public int perPhonePerHour() { return 5; }
            public int perIinPerHour() { return 10; }
            public Optional<String> hashKey() { return Optional.ofNullable(hashKey); }
        };
    }

    private static BiometricsConfig biometrics(String key) {
        return new BiometricsConfig() {
            public String matcher() { return "http"; }
            public int maxAttempts() { return 3; }
            public int maxMissesPerCitizen() { return 3; }
            public Duration missesWindow() { return Duration.ofDays(30); }
            public double matchThreshold() { return 0.97; }
            public int maxSelfieBytes() { return 1; }
            public int minResolution() { return 1; }
            public int maxResolution() { return 1; }
            public Duration retention() { return Duration.ofDays(30); }
            public String retentionCheckEvery() { return "1h"; }
            public java.util.Map<String, String> keys() { return key == null ? java.util.Map.of() : java.util.Map.of("k1", key); }
            public Optional<String> activeKey() { return key == null ? Optional.empty() : Optional.of("k1"); }
        };
    }

    private static PaymentsConfig payments(String secret) {
        return new PaymentsConfig() {
            public String gateway() { return "http"; }
            public Duration invoiceTtl() { return Duration.ofHours(24); }
            public Duration noticeTolerance() { return Duration.ofMinutes(5); }
            public Optional<String> hmacSecret() { return Optional.ofNullable(secret); }
            public String sandboxPayUrl() { return "https://example.invalid/"; }
            public String refundCheckEvery() { return "off"; }
            public Duration refundRecheck() { return Duration.ofHours(1); }
            public int refundMaxAttempts() { return 10; }
        };
    }

    private static OperatorsConfig operators(boolean withKey) {
        String key = withKey ? Base64.getEncoder().encodeToString(pair().getPublic().getEncoded()) : null;
        return new OperatorsConfig() {
            public String issuer() { return "https://idp.egov.kz/operators"; }
            public Optional<String> publicKey() { return Optional.ofNullable(key); }
            public String keyId() { return "idp-1"; }
        };
    }

}
