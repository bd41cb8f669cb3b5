package kz.egov.idcard.journey;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import kz.egov.idcard.signing.EdsVerifier;
import kz.egov.idcard.signing.Ocsp;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A certification authority for the revocation tests, as the National Certification Authority
 * would be seen from the service: its certificate and key are fixed test resources (so the
 * service can be configured to trust it), it issues signer certificates and OCSP responder
 * certificates, and it writes OCSP answers.
 */
public final class TestCa {

    public static final String CERTIFICATE_PEM = resource("/eds/test-ca.crt");
    public static final X509Certificate CERTIFICATE = EdsVerifier.certificate(pemBody(CERTIFICATE_PEM));
    private static final PrivateKey KEY = privateKey(pemBody(resource("/eds/test-ca.key")));

    /** A signing key and certificate, as {@link Eds#cms} takes them. */
    public record Issued(X509Certificate certificate, PrivateKey key) {
        public Map<String, Object> asMap() {
            return Map.of("certificate", Base64.getEncoder().encodeToString(encoded(certificate)),
                    "privateKey", Base64.getEncoder().encodeToString(key.getEncoded()));
        }
    }

    /** How a written answer is to be made. */
    public record Answer(CertificateStatus status, Instant thisUpdate, Instant nextUpdate, byte[] nonce, Issued signer,
            boolean includeSigner) {
        public static Answer good() {
            return new Answer(CertificateStatus.GOOD, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofHours(4)),
                    null, null, false);
        }

        public Answer status(CertificateStatus status) {
            return new Answer(status, thisUpdate, nextUpdate, nonce, signer, includeSigner);
        }

        public Answer updated(Instant thisUpdate, Instant nextUpdate) {
            return new Answer(status, thisUpdate, nextUpdate, nonce, signer, includeSigner);
        }

        public Answer nonce(byte[] nonce) {
            return new Answer(status, thisUpdate, nextUpdate, nonce, signer, includeSigner);
        }

        public Answer signedBy(Issued signer) {
            return new Answer(status, thisUpdate, nextUpdate, nonce, signer, true);
        }
    }

    public static final CertificateStatus REVOKED = new RevokedStatus(Date.from(Instant.now().minusSeconds(3600)),
            CRLReason.keyCompromise);
    public static final CertificateStatus UNKNOWN = new UnknownStatus();

    private TestCa() {
    }

    public static Issued signer(String iin) {
        return issue("CN=TEST SIGNER, SERIALNUMBER=IIN" + iin + ", C=KZ", new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation),
                null, KEY, CERTIFICATE);
    }

    /** A responder certificate the CA delegated OCSP signing to (or, without the purpose, one it did not). */
    public static Issued responder(boolean delegated) {
        return issue("CN=TEST OCSP RESPONDER, C=KZ", new KeyUsage(KeyUsage.digitalSignature),
                delegated ? new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning) : new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth),
                KEY, CERTIFICATE);
    }

    /** A CA of nobody's: its answers must not be believed. */
    public static Issued stranger() {
        try {
            KeyPair pair = pair();
            X500Name name = new X500Name("CN=STRANGER, C=KZ");
            X509Certificate self = sign(new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(7), Date.from(Instant.now().minusSeconds(3600)),
                    Date.from(Instant.now().plus(Duration.ofDays(30))), name, pair.getPublic()), pair.getPrivate());
            return new Issued(self, pair.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The DER answer about {@code certificate}, signed by the CA itself unless the answer names another signer. */
    public static byte[] answer(X509Certificate certificate, Answer answer) {
        try {
            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(CERTIFICATE), certificate.getSerialNumber());
            X509Certificate signerCertificate = answer.signer() == null ? CERTIFICATE : answer.signer().certificate();
            PrivateKey signerKey = answer.signer() == null ? KEY : answer.signer().key();
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(new JcaX509CertificateHolder(signerCertificate).getSubject()));
            builder.addResponse(id, answer.status(), Date.from(answer.thisUpdate()),
                    answer.nextUpdate() == null ? null : Date.from(answer.nextUpdate()), null);
            if (answer.nonce() != null) {
                builder.setResponseExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                        new DEROctetString(answer.nonce()).getEncoded())));
            }
            X509CertificateHolder[] chain = answer.includeSigner()
                    ? new X509CertificateHolder[] {new JcaX509CertificateHolder(signerCertificate)} : null;
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL,
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signerKey), chain, new Date())).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An answer with an error status and no body (e.g. tryLater). */
    public static byte[] failed(int status) {
        try {
            return new OCSPRespBuilder().build(status, null).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the service asks about {@code certificate}. */
    public static Ocsp.Request request(X509Certificate certificate) {
        return Ocsp.request(certificate, CERTIFICATE, new SecureRandom());
    }

    private static Issued issue(String subject, KeyUsage usage, ExtendedKeyUsage extended, PrivateKey issuerKey, X509Certificate issuer) {
        try {
            KeyPair pair = pair();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()),
                    Date.from(Instant.now().minusSeconds(300)), Date.from(Instant.now().plus(Duration.ofDays(365))),
                    new X500Name(subject), pair.getPublic());
            builder.addExtension(Extension.keyUsage, true, usage);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            if (extended != null) {
                builder.addExtension(Extension.extendedKeyUsage, false, extended);
            }
            return new Issued(sign(builder, issuerKey), pair.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, PrivateKey key) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    }

    private static KeyPair pair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = TestCa.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] pemBody(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    private static PrivateKey privateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
