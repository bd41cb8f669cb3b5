package kz.egov.idcard.device;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.spec.ECField;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.X509EncodedKeySpec;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** Checks that a device key is an EC P-256 public key in SPKI form, with its point on the curve. */
public final class DeviceKeys {

    // NIST P-256 (secp256r1), FIPS 186-4 D.1.2.3.
    private static final BigInteger P = new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
    private static final BigInteger A = new BigInteger("ffffffff00000001000000000000000000000000fffffffffffffffffffffffc", 16);
    private static final BigInteger B = new BigInteger("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);
    private static final BigInteger N = new BigInteger("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);
    private static final int MAX_ENCODED = 512;

    private DeviceKeys() {
    }

    public static Optional<ECPublicKey> parseP256(String base64Spki) {
        if (base64Spki == null || base64Spki.length() > MAX_ENCODED) {
            return Optional.empty();
        }
        try {
            byte[] der = Base64.getDecoder().decode(base64Spki.trim());
            if (!(KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der)) instanceof ECPublicKey key)) {
                return Optional.empty();
            }
            return isP256(key.getParams()) && onCurve(key.getW()) ? Optional.of(key) : Optional.empty();
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            return Optional.empty();
        }
    }

    public static String fingerprint(ECPublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isP256(ECParameterSpec params) {
        ECField field = params.getCurve().getField();
        return field instanceof ECFieldFp fp && fp.getP().equals(P)
                && params.getCurve().getA().equals(A) && params.getCurve().getB().equals(B)
                && params.getOrder().equals(N) && params.getCofactor() == 1;
    }

    private static boolean onCurve(ECPoint w) {
        if (w == ECPoint.POINT_INFINITY) {
            return false;
        }
        BigInteger x = w.getAffineX();
        BigInteger y = w.getAffineY();
        if (x.signum() < 0 || x.compareTo(P) >= 0 || y.signum() < 0 || y.compareTo(P) >= 0) {
            return false;
        }
        BigInteger left = y.modPow(BigInteger.TWO, P);
        BigInteger right = x.modPow(BigInteger.valueOf(3), P).add(A.multiply(x)).add(B).mod(P);
        return left.equals(right);
    }
}
