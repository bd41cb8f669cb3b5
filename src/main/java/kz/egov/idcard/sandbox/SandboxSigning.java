package kz.egov.idcard.sandbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import kz.egov.idcard.common.Blocking;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.web.ClientInfo;
import kz.egov.idcard.device.Device;
import kz.egov.idcard.device.DeviceService;
import kz.egov.idcard.signing.EdsVerifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs for an integrator who has no phone and no NCALayer at hand: a test phone whose key the
 * sandbox keeps (enrolled like any phone, signing as a phone's Secure Enclave or Keystore does,
 * DER ECDSA P-256 over the challenge's UTF-8 bytes), and EDS CMS signatures with a certificate the
 * sandbox CA issues for the IIN on demand. Sandbox only: these keys are test keys.
 */
@ApplicationScoped
public class SandboxSigning {

    private final DeviceService devices;
    private final SandboxRepository repository;
    private final SandboxCa ca;
    private final Clock clock;

    public SandboxSigning(DeviceService devices, SandboxRepository repository, SandboxCa ca, Clock clock) {
        this.devices = devices;
        this.repository = repository;
        this.ca = ca;
        this.clock = clock;
    }

    /** A test phone enrolled for the citizen: the device, and its key pair (base64 SPKI and PKCS#8). */
    public record TestPhone(Device device, String publicKey, String privateKey) {
    }

    public Uni<TestPhone> enrol(String iin, Device.Platform platform, String name, ClientInfo client) {
        KeyPair pair = newKeyPair();
        Base64.Encoder base64 = Base64.getEncoder();
        String publicKey = base64.encodeToString(pair.getPublic().getEncoded());
        byte[] privateKey = pair.getPrivate().getEncoded();
        return Panache.withTransaction(() -> devices.enrol(iin, publicKey, platform, name, client)
                .call(device -> repository.deviceKey(device.id, iin, privateKey, OffsetDateTime.now(clock))))
                .map(device -> new TestPhone(device, publicKey, base64.encodeToString(privateKey)));
    }

    /** What the phone would send: base64 of the DER ECDSA signature of the challenge's UTF-8 bytes. */
    @WithSession
    public Uni<String> signAsPhone(String iin, UUID deviceId, String challenge) {
        return repository.deviceKey(deviceId, iin).map(found -> {
            byte[] key = found.orElseThrow(() -> new ApiException(ErrorCode.DEVICE_NOT_FOUND));
            try {
                Signature signer = Signature.getInstance("SHA256withECDSA");
                signer.initSign(KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(key)));
                signer.update(challenge.getBytes(StandardCharsets.UTF_8));
                return Base64.getEncoder().encodeToString(signer.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("A sandbox device key cannot sign", e);
            }
        });
    }

    /**
     * What NCALayer would send: base64 of a CMS SignedData over the challenge's UTF-8 bytes, the
     * content attached, signed now by a certificate the sandbox CA issues for the IIN.
     */
    public Uni<String> signAsEds(String iin, String challenge) {
        return Blocking.onWorker(() -> {
            SandboxCa.Issued issued = ca.issue(iin, "TEST " + iin);
            Base64.Decoder base64 = Base64.getDecoder();
            try {
                X509Certificate certificate = EdsVerifier.certificate(base64.decode(issued.certificate()));
                PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(base64.decode(issued.privateKey())));
                JcaSignerInfoGeneratorBuilder signer = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build());
                signer.setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(
                        new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(clock.instant())))))));
                CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
                generator.addSignerInfoGenerator(signer.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key), certificate));
                generator.addCertificates(new JcaCertStore(List.of(certificate)));
                byte[] signed = generator.generate(new CMSProcessableByteArray(challenge.getBytes(StandardCharsets.UTF_8)), true)
                        .getEncoded();
                return Base64.getEncoder().encodeToString(signed);
            } catch (Exception e) {
                throw new IllegalStateException("The sandbox cannot make an EDS signature", e);
            }
        });
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
