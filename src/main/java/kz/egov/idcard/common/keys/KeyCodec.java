package kz.egov.idcard.common.keys;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads keys given as PEM or as bare base64 DER, as operators paste them into environment variables. */
public final class KeyCodec {

    private KeyCodec() {
    }

    public static byte[] der(String pemOrBase64) {
        String body = pemOrBase64.replaceAll("-----(BEGIN|END)[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    public static PrivateKey ecPrivateKey(String pemOrBase64) throws GeneralSecurityException {
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der(pemOrBase64)));
    }

    /** An EC or RSA public key in SPKI form. */
    public static PublicKey publicKey(String pemOrBase64) throws GeneralSecurityException {
        X509EncodedKeySpec spec = new X509EncodedKeySpec(der(pemOrBase64));
        try {
            return KeyFactory.getInstance("EC").generatePublic(spec);
        } catch (GeneralSecurityException notEc) {
            return KeyFactory.getInstance("RSA").generatePublic(spec);
        }
    }

    public static PublicKey ecPublicKey(String pemOrBase64) throws GeneralSecurityException {
        return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der(pemOrBase64)));
    }

    /** Random bytes from one shared CSPRNG (a new generator per call would seed needlessly). */
    public static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        Csprng.INSTANCE.nextBytes(bytes);
        return bytes;
    }

    /**
     * Made when first used, and in the native image at run time (application.properties,
     * {@code quarkus.native.additional-build-args}): Quarkus initialises classes while building the
     * image, and a generator made then would be frozen into it, the same for every start.
     */
    private static final class Csprng {
        static final java.security.SecureRandom INSTANCE = new java.security.SecureRandom();
    }
}
