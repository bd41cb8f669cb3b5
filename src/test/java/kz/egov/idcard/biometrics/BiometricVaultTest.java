package kz.egov.idcard.biometrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class BiometricVaultTest {

    private static final SecretKey K1 = key();
    private static final SecretKey K2 = key();
    private static final byte[] SELFIE = "not really a jpeg, but bytes all the same".getBytes(StandardCharsets.UTF_8);

    @Test
    void whatIsSealedOpensForTheSameApplication() {
        BiometricVault vault = new BiometricVault(Map.of("k1", K1), "k1");
        UUID application = UUID.randomUUID();
        BiometricVault.Sealed sealed = vault.seal(application, SELFIE);
        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(sealed.nonce()).hasSize(12);
        assertThat(sealed.ciphertext()).hasSize(SELFIE.length + 16).isNotEqualTo(SELFIE);
        assertThat(vault.open(application, sealed)).isEqualTo(SELFIE);
    }

    @Test
    void aTamperedRecordFailsLoudly() {
        BiometricVault vault = new BiometricVault(Map.of("k1", K1), "k1");
        UUID application = UUID.randomUUID();
        BiometricVault.Sealed sealed = vault.seal(application, SELFIE);
        byte[] tampered = sealed.ciphertext().clone();
        tampered[3] ^= 0x01;
        assertThatThrownBy(() -> vault.open(application, new BiometricVault.Sealed("k1", sealed.nonce(), tampered)))
                .isInstanceOf(BiometricVault.BiometricDataException.class).hasMessageContaining("tampered");
    }

    @Test
    void aRecordMovedToAnotherApplicationDoesNotOpen() {
        BiometricVault vault = new BiometricVault(Map.of("k1", K1), "k1");
        BiometricVault.Sealed sealed = vault.seal(UUID.randomUUID(), SELFIE);
        assertThatThrownBy(() -> vault.open(UUID.randomUUID(), sealed)).isInstanceOf(BiometricVault.BiometricDataException.class);
    }

    @Test
    void afterRotationNewRecordsUseTheNewKeyAndOldOnesStillOpen() {
        UUID application = UUID.randomUUID();
        BiometricVault.Sealed old = new BiometricVault(Map.of("k1", K1), "k1").seal(application, SELFIE);

        BiometricVault rotated = new BiometricVault(Map.of("k1", K1, "k2", K2), "k2");
        BiometricVault.Sealed fresh = rotated.seal(application, SELFIE);
        assertThat(fresh.keyId()).isEqualTo("k2");
        assertThat(rotated.open(application, old)).isEqualTo(SELFIE);
        assertThat(rotated.open(application, fresh)).isEqualTo(SELFIE);

        BiometricVault retired = new BiometricVault(Map.of("k2", K2), "k2");
        assertThatThrownBy(() -> retired.open(application, old)).hasMessageContaining("No key 'k1'");
    }

    @Test
    void aRecordSealedUnderOneKeyDoesNotOpenUnderAnotherWithTheSameId() {
        UUID application = UUID.randomUUID();
        BiometricVault.Sealed sealed = new BiometricVault(Map.of("k1", K1), "k1").seal(application, SELFIE);
        assertThatThrownBy(() -> new BiometricVault(Map.of("k1", K2), "k1").open(application, sealed))
                .isInstanceOf(BiometricVault.BiometricDataException.class);
    }

    private static SecretKey key() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return new SecretKeySpec(raw, "AES");
    }
}
