package kz.egov.idcard.biometrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals biometric data at rest (docs/product.md R7): AES-256-GCM under a key kept outside the database, with
 * the key id stored beside the ciphertext so keys can rotate (several configured, one active) and
 * the application id as associated data, so a record moved to another application does not open.
 * A record that does not open fails loudly.
 */
@ApplicationScoped
public class BiometricVault {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** A sealed value: which key, the nonce and the ciphertext with its tag. */
    public record Sealed(String keyId, byte[] nonce, byte[] ciphertext) {
    }

    private final Map<String, SecretKey> keys;
    private final String activeKey;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public BiometricVault(BiometricKeys keys) {
        this(keys.keys(), keys.active());
    }

    public BiometricVault(Map<String, SecretKey> keys, String activeKey) {
        this.keys = Map.copyOf(keys);
        this.activeKey = activeKey;
    }

    public Sealed seal(UUID applicationId, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKey), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(applicationId));
            return new Sealed(activeKey, nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal biometric data", e);
        }
    }

    public byte[] open(UUID applicationId, Sealed sealed) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new BiometricDataException("No key '" + sealed.keyId() + "' is configured to open biometric data of " + applicationId);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(associatedData(applicationId));
            return cipher.doFinal(sealed.ciphertext());
        } catch (GeneralSecurityException e) {
            throw new BiometricDataException("Biometric data of " + applicationId + " failed authentication: tampered or misplaced", e);
        }
    }

    private static byte[] associatedData(UUID applicationId) {
        return ("biometric-attempt:" + applicationId).getBytes(StandardCharsets.UTF_8);
    }

    /** Sealed biometric data that does not open: a tampered record, or a key that is gone. */
    public static class BiometricDataException extends RuntimeException {
        BiometricDataException(String message) {
            super(message);
        }

        BiometricDataException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
