package kz.egov.idcard.auth;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Verification of bearer tokens. Two issuers are trusted, each with its own key, chosen by the
 * token's {@code kid}: our own (citizens) and the identity provider of registration-point
 * operators. The issuer is therefore checked by {@link TokenTrust}, which also decides which
 * roles a token of each issuer may carry.
 */
@ApplicationScoped
public class JwtVerificationProducer {

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    JWTAuthContextInfo contextInfo(AuthKeys keys, JwtConfig config) {
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        List<String> jwks = new ArrayList<>();
        jwks.add(jwk(keys.tokenVerificationKey(), keys.tokenKeyId()));
        if (keys.operatorVerificationKey() != null) {
            jwks.add(jwk(keys.operatorVerificationKey(), keys.operatorKeyId()));
        }
        info.setPublicKeyContent("{\"keys\":[" + String.join(",", jwks) + "]}");
        info.setExpectedAudience(Set.of(config.audience()));
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.ES256, SignatureAlgorithm.RS256));
        info.setAlwaysCheckAuthorization(true);
        info.setRequiredClaims(Set.of("sub", "exp", "iat", "iss", "aud"));
        return info;
    }

    static String jwk(PublicKey key, String keyId) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        if (key instanceof ECPublicKey ec) {
            return "{\"kty\":\"EC\",\"crv\":\"P-256\",\"use\":\"sig\",\"alg\":\"ES256\",\"kid\":\"" + keyId
                    + "\",\"x\":\"" + url.encodeToString(unsigned(ec.getW().getAffineX(), 32))
                    + "\",\"y\":\"" + url.encodeToString(unsigned(ec.getW().getAffineY(), 32)) + "\"}";
        }
        RSAPublicKey rsa = (RSAPublicKey) key;
        return "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + keyId
                + "\",\"n\":\"" + url.encodeToString(unsigned(rsa.getModulus(), 0))
                + "\",\"e\":\"" + url.encodeToString(unsigned(rsa.getPublicExponent(), 0)) + "\"}";
    }

    /** Big-endian bytes without the sign byte, left-padded to {@code length} when it is positive. */
    private static byte[] unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        if (length > bytes.length) {
            byte[] padded = new byte[length];
            System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
            return padded;
        }
        return bytes;
    }
}
