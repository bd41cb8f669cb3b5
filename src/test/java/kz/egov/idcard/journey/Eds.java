package kz.egov.idcard.journey;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import kz.egov.idcard.signing.EdsVerifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** Makes CMS signatures as an EDS client (NCALayer) would. */
public final class Eds {

    private Eds() {
    }

    public static String cms(Map<String, Object> issued, String content, boolean attached) throws Exception {
        return cms(issued, content, attached, null);
    }

    /** A CMS whose signed attributes claim the given {@code signingTime} (the signer's own clock; now when null). */
    public static String cms(Map<String, Object> issued, String content, boolean attached, Date signingTime) throws Exception {
        X509Certificate certificate = EdsVerifier.certificate(Base64.getDecoder().decode((String) issued.get("certificate")));
        PrivateKey key = KeyFactory.getInstance("EC")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode((String) issued.get("privateKey"))));
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        JcaSignerInfoGeneratorBuilder signer = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build());
        if (signingTime != null) {
            signer.setSignedAttributeGenerator(new org.bouncycastle.cms.DefaultSignedAttributeTableGenerator(
                    new org.bouncycastle.asn1.cms.AttributeTable(new org.bouncycastle.asn1.cms.Attribute(
                            org.bouncycastle.asn1.cms.CMSAttributes.signingTime,
                            new org.bouncycastle.asn1.DERSet(new org.bouncycastle.asn1.cms.Time(signingTime))))));
        }
        generator.addSignerInfoGenerator(signer.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key), certificate));
        generator.addCertificates(new JcaCertStore(List.of(certificate)));
        byte[] signed = generator.generate(new CMSProcessableByteArray(content.getBytes(StandardCharsets.UTF_8)), attached).getEncoded();
        return Base64.getEncoder().encodeToString(signed);
    }

    /** A certificate naming the IIN but issued by nobody the service trusts. */
    public static Map<String, Object> selfSigned(String iin) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=FORGER, SERIALNUMBER=IIN" + iin + ", C=KZ");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.TEN,
                Date.from(Instant.now().minusSeconds(3600)), Date.from(Instant.now().plusSeconds(86400)), name, pair.getPublic());
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        return Map.of("certificate", Base64.getEncoder().encodeToString(certificate.getEncoded()),
                "privateKey", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
    }
}
