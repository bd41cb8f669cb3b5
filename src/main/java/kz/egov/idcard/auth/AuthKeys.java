package kz.egov.idcard.auth;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import kz.egov.idcard.common.keys.KeyCodec;
import kz.egov.idcard.common.keys.SecretFallback;
import kz.egov.idcard.common.startup.StartupRequirement;
import org.jboss.logging.Logger;

/**
 * The keys of login: the pair that signs our access tokens, the key of the one-time codes' keyed
 * hashes, and the operators' identity provider key we verify their tokens with. Outside the sandbox
 * they come from configuration (the start is refused, naming each missing one); in the sandbox
 * what is not configured is made at first start and kept (common/keys/SecretFallback).
 */
@Singleton
public class AuthKeys implements StartupRequirement {

    private static final Logger LOG = Logger.getLogger(AuthKeys.class);

    private final List<String> missing = new ArrayList<>();
    private final KeyPair tokenKeys;
    private final String tokenKeyId;
    private final SecretKey otpHashKey;
    private final PublicKey operatorKey;
    private final String operatorKeyId;

    public AuthKeys(JwtConfig jwt, OtpConfig otp, OperatorsConfig operators, SecretFallback fallback) {
        try {
            this.tokenKeys = tokenKeys(jwt, fallback);
            this.otpHashKey = fallback.hmacKey(otp.hashKey(), "otp-hash-key", "IDCARD_OTP_HASH_KEY (idcard.otp.hash-key)", missing);
            this.operatorKey = operatorKey(operators, fallback);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A configured key cannot be read: " + e.getMessage(), e);
        }
        this.tokenKeyId = tokenKeys == null ? null : keyId(tokenKeys.getPublic());
        this.operatorKeyId = operators.keyId();
    }

    @Override
    public List<String> missing() {
        return List.copyOf(missing);
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

    private KeyPair tokenKeys(JwtConfig jwt, SecretFallback fallback) throws GeneralSecurityException {
        if (jwt.privateKey().isPresent() && jwt.publicKey().isPresent()) {
            return new KeyPair(KeyCodec.ecPublicKey(jwt.publicKey().get()), KeyCodec.ecPrivateKey(jwt.privateKey().get()));
        }
        // The pair is kept as one secret, "base64(PKCS#8).base64(SPKI)", so both halves are written together.
        Optional<byte[]> kept = fallback.secret("jwt-es256-keypair", AuthKeys::newKeyPair);
        if (kept.isPresent()) {
            String[] halves = new String(kept.get(), StandardCharsets.US_ASCII).split("\\.");
            KeyFactory factory = KeyFactory.getInstance("EC");
            return new KeyPair(factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(halves[1]))),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(halves[0]))));
        }
        jwt.privateKey().ifPresentOrElse(k -> { }, () -> missing.add("IDCARD_JWT_PRIVATE_KEY (idcard.jwt.private-key)"));
        jwt.publicKey().ifPresentOrElse(k -> { }, () -> missing.add("IDCARD_JWT_PUBLIC_KEY (idcard.jwt.public-key)"));
        return null;
    }

    private PublicKey operatorKey(OperatorsConfig operators, SecretFallback fallback) throws GeneralSecurityException {
        if (operators.publicKey().isPresent()) {
            return KeyCodec.publicKey(operators.publicKey().get());
        }
        if (!fallback.makesSecrets()) {
            missing.add("IDCARD_OPERATORS_PUBLIC_KEY (idcard.operators.public-key), the operators' identity provider key");
        }
        return null;
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

    private static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
