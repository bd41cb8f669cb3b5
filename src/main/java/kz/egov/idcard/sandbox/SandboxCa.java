package kz.egov.idcard.sandbox;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import kz.egov.idcard.signing.EdsVerifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import kz.egov.idcard.common.adapters.Adapter;
import kz.egov.idcard.common.keys.SecretFallback;

/**
 * The sandbox's test certification authority for EDS: made at first start and kept in the
 * database, trusted only in the sandbox. It issues a signing key pair and certificate for an IIN,
 * so testers can sign challenges with a real CMS signature.
 */
@ApplicationScoped
public class SandboxCa {

    private static final Duration CERTIFICATE_LIFE = Duration.ofDays(365);

    @RegisterForReflection
    @Schema(name = "SandboxEdsCertificate")
    public record Issued(
            @Schema(maxLength = 8192, format = "byte", description = "Base64 DER X.509 certificate; subject serialNumber IIN<iin>") String certificate,
            @Schema(maxLength = 1024, format = "byte", description = "Base64 PKCS#8 EC P-256 private key") String privateKey,
            @Schema(maxLength = 8192, format = "byte", description = "Base64 DER certificate of the sandbox test CA") String caCertificate) {
    }

    private final SecretFallback secrets;
    private final SandboxConfig sandbox;
    private final Clock clock;
    private volatile KeyPairAndCert ca;

    private record KeyPairAndCert(PrivateKey key, X509Certificate certificate) {
    }

    public SandboxCa(@Adapter("sandbox") SecretFallback secrets, SandboxConfig sandbox, Clock clock) {
        this.secrets = secrets;
        this.sandbox = sandbox;
        this.clock = clock;
    }

    /** Loaded at start, off the event loop: it may have to be made and stored first. */
    void load(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent ignored) {
        if (sandbox.enabled()) {
            ca();
        }
    }

    /** The test CA's certificate (made at first use). */
    public X509Certificate certificate() {
        return ca().certificate();
    }

    public Issued issue(String iin, String commonName) {
        try {
            KeyPairAndCert authority = ca();
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName)
                    .addRDN(BCStyle.SERIALNUMBER, "IIN" + iin).addRDN(BCStyle.C, "KZ").build();
            Date from = Date.from(clock.instant().minus(Duration.ofMinutes(5)));
            Date to = Date.from(clock.instant().plus(CERTIFICATE_LIFE));
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(authority.certificate(),
                    new BigInteger(64, new SecureRandom()), from, to, subject, pair.getPublic());
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(authority.key())));
            Base64.Encoder base64 = Base64.getEncoder();
            return new Issued(base64.encodeToString(certificate.getEncoded()), base64.encodeToString(pair.getPrivate().getEncoded()),
                    base64.encodeToString(authority.certificate().getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException("Sandbox CA cannot issue a certificate", e);
        }
    }

    private KeyPairAndCert ca() {
        KeyPairAndCert current = ca;
        if (current == null) {
            synchronized (this) {
                if (ca == null) {
                    ca = load();
                }
                current = ca;
            }
        }
        return current;
    }

    private KeyPairAndCert load() {
        String stored = new String(secrets.secret("eds-test-ca", this::newAuthority).orElseThrow(), StandardCharsets.US_ASCII);
        String[] parts = stored.split("\\.");
        try {
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(parts[0])));
            return new KeyPairAndCert(key, EdsVerifier.certificate(Base64.getDecoder().decode(parts[1])));
        } catch (Exception e) {
            throw new IllegalStateException("Sandbox CA cannot be read", e);
        }
    }

    private byte[] newAuthority() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "eGov Sandbox Test CA (not trusted outside the sandbox)")
                    .addRDN(BCStyle.O, "eGov Sandbox").addRDN(BCStyle.C, "KZ").build();
            Date from = Date.from(clock.instant().minus(Duration.ofDays(1)));
            Date to = Date.from(clock.instant().plus(Duration.ofDays(3650)));
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, from, to, name, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            Base64.Encoder base64 = Base64.getEncoder();
            return (base64.encodeToString(pair.getPrivate().getEncoded()) + "." + base64.encodeToString(certificate.getEncoded()))
                    .getBytes(StandardCharsets.US_ASCII);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
