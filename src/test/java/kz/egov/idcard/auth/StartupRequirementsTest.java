package kz.egov.idcard.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import kz.egov.idcard.auth.keys.ServiceKeys;
import kz.egov.idcard.biometrics.BiometricsConfig;
import kz.egov.idcard.operator.OperatorsConfig;
import kz.egov.idcard.payment.PaymentsConfig;
import kz.egov.idcard.common.SandboxConfig;
import org.junit.jupiter.api.Test;

/** Outside the sandbox the service refuses to start without its keys and secrets, naming each one. */
class StartupRequirementsTest {

    @Test
    void refusesToStartWithoutKeysNamingEveryMissingOne() {
        assertThatThrownBy(() -> new ServiceKeys(jwt(null, null), otp(null), biometrics(null), payments(null), operators(false), production(), Clock.systemUTC()))
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
        assertThatThrownBy(() -> new ServiceKeys(jwt(pair, pair), otp(Base64.getEncoder().encodeToString(new byte[32])),
                biometrics(Base64.getEncoder().encodeToString(new byte[16])), payments(Base64.getEncoder().encodeToString(new byte[32])), operators(true), production(), Clock.systemUTC()))
                .hasMessageContaining("idcard.biometrics.keys.k1");
    }

    @Test
    void refusesAShortOtpKey() {
        KeyPair pair = pair();
        assertThatThrownBy(() -> new ServiceKeys(jwt(pair, pair), otp(Base64.getEncoder().encodeToString(new byte[16])),
                biometrics(Base64.getEncoder().encodeToString(new byte[32])), payments(Base64.getEncoder().encodeToString(new byte[32])), operators(true), production(), Clock.systemUTC()))
                .hasMessageContaining("IDCARD_OTP_HASH_KEY");
    }

    @Test
    void startsWithConfiguredPemKeys() {
        KeyPair pair = pair();
        ServiceKeys keys = new ServiceKeys(jwt(pair, pair), otp(Base64.getEncoder().encodeToString(new byte[32])),
                biometrics(Base64.getEncoder().encodeToString(new byte[32])), payments(Base64.getEncoder().encodeToString(new byte[32])), operators(true), production(), Clock.systemUTC());
        assertThat(keys.activeBiometricKey()).isEqualTo("k1");
        assertThat(keys.tokenVerificationKey()).isEqualTo(pair.getPublic());
        assertThat(keys.tokenKeyId()).hasSize(16);
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

    private static SandboxConfig production() {
        return new SandboxConfig() {
            public boolean enabled() { return false; }
            public int maxPhotoBytes() { return 1; }
        };
    }
}
