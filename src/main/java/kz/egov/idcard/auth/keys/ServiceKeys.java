package kz.egov.idcard.auth.keys;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.Startup;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Singleton;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import kz.egov.idcard.auth.JwtConfig;
import kz.egov.idcard.auth.OtpConfig;
import kz.egov.idcard.biometrics.BiometricsConfig;
import kz.egov.idcard.operator.OperatorsConfig;
import kz.egov.idcard.payment.PaymentsConfig;
import kz.egov.idcard.common.SandboxConfig;
import org.jboss.logging.Logger;

/**
 * The service's keys and secrets. Outside the sandbox they must come from configuration and the
 * service refuses to start, naming each missing one. In the sandbox, what is not configured is
 * made at first start and kept in the database, so a restart keeps everyone's session.
 */
@Startup
@Singleton
public class ServiceKeys {

    private static final Logger LOG = Logger.getLogger(ServiceKeys.class);
    private static final int MIN_SECRET_BYTES = 32;

    /** One generator for every sandbox secret made at start (a new one per secret seeds needlessly). */
    private final SecureRandom random = new SecureRandom();
    private final KeyPair tokenKeys;
    private final String tokenKeyId;
    private final SecretKey otpHashKey;
    private final Map<String, SecretKey> biometricKeys = new LinkedHashMap<>();
    private final String activeBiometricKey;
    private final SecretKey paymentHmacKey;
    private final PublicKey operatorKey;
    private final String operatorKeyId;

    public ServiceKeys(JwtConfig jwt, OtpConfig otp, BiometricsConfig biometrics, PaymentsConfig payments, OperatorsConfig operators,
            SandboxConfig sandbox, Clock clock) {
        List<String> missing = new ArrayList<>();
        KeyPair keys = null;
        SecretKey otpKey = null;
        String activeBiometric = null;
        SecretKey paymentKey = null;
        PublicKey operatorKey = null;
        try {
            if (jwt.privateKey().isPresent() && jwt.publicKey().isPresent()) {
                keys = new KeyPair(KeyCodec.ecPublicKey(jwt.publicKey().get()), KeyCodec.ecPrivateKey(jwt.privateKey().get()));
            } else if (sandbox.enabled()) {
                keys = sandboxKeyPair(clock);
            } else {
                jwt.privateKey().ifPresentOrElse(k -> { }, () -> missing.add("IDCARD_JWT_PRIVATE_KEY (idcard.jwt.private-key)"));
                jwt.publicKey().ifPresentOrElse(k -> { }, () -> missing.add("IDCARD_JWT_PUBLIC_KEY (idcard.jwt.public-key)"));
            }
            if (otp.hashKey().isPresent()) {
                byte[] raw = Base64.getDecoder().decode(otp.hashKey().get().trim());
                if (raw.length < MIN_SECRET_BYTES) {
                    missing.add("IDCARD_OTP_HASH_KEY (idcard.otp.hash-key) of at least 32 bytes, base64");
                } else {
                    otpKey = new SecretKeySpec(raw, "HmacSHA256");
                }
            } else if (sandbox.enabled()) {
                otpKey = new SecretKeySpec(sandboxSecret("otp-hash-key", clock, () -> randomBytes(32)), "HmacSHA256");
            } else {
                missing.add("IDCARD_OTP_HASH_KEY (idcard.otp.hash-key)");
            }
            biometrics.keys().forEach((id, value) -> {
                byte[] raw = Base64.getDecoder().decode(value.trim());
                if (raw.length != 32 || !id.matches("[A-Za-z0-9_-]{1,32}")) {
                    missing.add("IDCARD_BIOMETRICS_KEYS_" + id.toUpperCase(Locale.ROOT) + " (idcard.biometrics.keys." + id
                            + ") as base64 of exactly 32 bytes, id of at most 32 letters, digits, _ or -");
                } else {
                    biometricKeys.put(id, new SecretKeySpec(raw, "AES"));
                }
            });
            if (biometrics.activeKey().isPresent()) {
                activeBiometric = biometrics.activeKey().get();
                if (!biometricKeys.containsKey(activeBiometric)) {
                    missing.add("idcard.biometrics.keys." + activeBiometric + " (the active biometric key)");
                }
            } else if (biometricKeys.isEmpty() && sandbox.enabled()) {
                activeBiometric = "sandbox";
                biometricKeys.put(activeBiometric, new SecretKeySpec(sandboxSecret("biometric-key", clock, () -> randomBytes(32)), "AES"));
            } else {
                missing.add("IDCARD_BIOMETRICS_ACTIVE_KEY (idcard.biometrics.active-key) and its key IDCARD_BIOMETRICS_KEYS_<ID>");
            }
            if (payments.hmacSecret().isPresent()) {
                byte[] raw = Base64.getDecoder().decode(payments.hmacSecret().get().trim());
                if (raw.length < MIN_SECRET_BYTES) {
                    missing.add("IDCARD_PAYMENTS_HMAC_SECRET (idcard.payments.hmac-secret) of at least 32 bytes, base64");
                } else {
                    paymentKey = new SecretKeySpec(raw, "HmacSHA256");
                }
            } else if (sandbox.enabled()) {
                paymentKey = new SecretKeySpec(sandboxSecret("payment-hmac-secret", clock, () -> randomBytes(32)), "HmacSHA256");
            } else {
                missing.add("IDCARD_PAYMENTS_HMAC_SECRET (idcard.payments.hmac-secret)");
            }
            if (operators.publicKey().isPresent()) {
                operatorKey = KeyCodec.publicKey(operators.publicKey().get());
            } else if (!sandbox.enabled()) {
                missing.add("IDCARD_OPERATORS_PUBLIC_KEY (idcard.operators.public-key), the operators' identity provider key");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A configured key cannot be read: " + e.getMessage(), e);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Refusing to start without these secrets: " + String.join(", ", missing));
        }
        this.tokenKeys = keys;
        this.otpHashKey = otpKey;
        this.activeBiometricKey = activeBiometric;
        this.paymentHmacKey = paymentKey;
        this.operatorKey = operatorKey;
        this.operatorKeyId = operators.keyId();
        this.tokenKeyId = keyId(keys.getPublic());
    }

    public PrivateKey tokenSigningKey() {
        return tokenKeys.getPrivate();
    }

    public PublicKey tokenVerificationKey() {
        return tokenKeys.getPublic();
    }

    public String tokenKeyId() {
        return tokenKeyId;
    }

    public SecretKey otpHashKey() {
        return otpHashKey;
    }

    /** AES-256 keys for biometric data at rest, by id; old ones stay so that old records can be read. */
    public Map<String, SecretKey> biometricKeys() {
        return Map.copyOf(biometricKeys);
    }

    /**
     * The operators' identity provider key; in the sandbox there is none, and operator tokens
     * ({@code POST /sandbox/operator-token}) are signed with our own key under the operators' issuer.
     */
    public PublicKey operatorVerificationKey() {
        return operatorKey;
    }

    public String operatorKeyId() {
        return operatorKeyId;
    }

    /** The secret shared with the payment gateway, for the HMAC of its notices. */
    public SecretKey paymentHmacKey() {
        return paymentHmacKey;
    }

    public String activeBiometricKey() {
        return activeBiometricKey;
    }

    /** The pair is kept as one secret, "base64(PKCS#8).base64(SPKI)", so both halves are written together. */
    private KeyPair sandboxKeyPair(Clock clock) throws GeneralSecurityException {
        String stored = new String(sandboxSecret("jwt-es256-keypair", clock, ServiceKeys::newKeyPair), StandardCharsets.US_ASCII);
        String[] halves = stored.split("\\.");
        KeyFactory factory = KeyFactory.getInstance("EC");
        return new KeyPair(factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(halves[1]))),
                factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(halves[0]))));
    }

    private static byte[] newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            LOG.info("Sandbox: made a new ES256 token signing key and kept it in the database");
            Base64.Encoder base64 = Base64.getEncoder();
            return (base64.encodeToString(pair.getPrivate().getEncoded()) + "."
                    + base64.encodeToString(pair.getPublic().getEncoded())).getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads a sandbox secret, or makes and stores it; instances starting at once agree on one value. */
    public static byte[] sandboxSecret(String name, Clock clock, Supplier<byte[]> generator) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .chain(session -> session.createNativeQuery("SELECT CAST(pg_advisory_xact_lock(4242) AS text)")
                            .getSingleResult()
                            .chain(ignored -> session.createNativeQuery("SELECT value FROM sandbox_secret WHERE name = ?1", byte[].class)
                                    .setParameter(1, name).getResultList())
                            .chain(found -> {
                                if (!found.isEmpty()) {
                                    return Uni.createFrom().item(found.get(0));
                                }
                                byte[] value = generator.get();
                                return session.createNativeQuery(
                                                "INSERT INTO sandbox_secret (name, value, created_at) VALUES (?1, ?2, ?3)")
                                        .setParameter(1, name).setParameter(2, value).setParameter(3, OffsetDateTime.now(clock))
                                        .executeUpdate().replaceWith(value);
                            }))));
        } catch (Throwable e) {
            throw new IllegalStateException("Sandbox: cannot load or store secret '" + name + "' in the database: " + e, e);
        }
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
