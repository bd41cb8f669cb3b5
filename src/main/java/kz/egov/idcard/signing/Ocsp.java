package kz.egov.idcard.signing;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The OCSP protocol (RFC 6960) for one signer certificate: the request, with a nonce, and the
 * checks on the answer before its status is believed: a successful basic response, signed by the
 * issuer or by a responder the issuer delegated (extended key usage OCSPSigning), about this very
 * certificate, echoing our nonce when it carries one, and fresh.
 */
public final class Ocsp {

    /** What the responder says about the certificate. */
    public enum Status {
        GOOD,
        REVOKED,
        UNKNOWN
    }

    /** An answer that cannot be believed or used; the certificate's status stays unknown. */
    public static final class Unusable extends RuntimeException {
        Unusable(String reason) {
            super(reason, null, false, false);
        }
    }

    /** What was asked: the certificate's id, the nonce, and the DER request to send. */
    public record Request(CertificateID id, byte[] nonce, byte[] encoded) {
    }

    /** Clock skew allowed between us and the responder. */
    static final Duration SKEW = Duration.ofMinutes(5);

    private static final JcaContentVerifierProviderBuilder VERIFIERS = new JcaContentVerifierProviderBuilder()
            .setProvider(BouncyCastle.PROVIDER);

    private Ocsp() {
    }

    public static Request request(X509Certificate certificate, X509Certificate issuer, SecureRandom random) {
        try {
            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(issuer), certificate.getSerialNumber());
            byte[] nonce = new byte[16];
            random.nextBytes(nonce);
            OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(id);
            builder.setRequestExtensions(new Extensions(
                    new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(nonce).getEncoded())));
            return new Request(id, nonce, builder.build().getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException("OCSP request cannot be built", e);
        }
    }

    /**
     * The status the answer gives, once it is shown to be authentic, about this request and fresh.
     * An answer without nextUpdate must be no older than {@code maxAge}.
     */
    public static Status read(byte[] answer, Request request, X509Certificate issuer, Instant now, Duration maxAge) {
        BasicOCSPResp basic;
        try {
            OCSPResp response = new OCSPResp(answer);
            if (response.getStatus() != OCSPResp.SUCCESSFUL) {
                throw new Unusable("responder status " + response.getStatus());
            }
            if (!(response.getResponseObject() instanceof BasicOCSPResp parsed)) {
                throw new Unusable("not a basic OCSP response");
            }
            basic = parsed;
        } catch (Unusable e) {
            throw e;
        } catch (Exception e) {
            throw new Unusable("malformed OCSP response");
        }
        requireSignedByTheIssuerOrItsResponder(basic, issuer, now);
        Extension nonce = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (nonce != null && !Arrays.equals(nonceBytes(nonce), request.nonce())) {
            throw new Unusable("nonce differs from ours (a replayed answer?)");
        }
        SingleResp single = Arrays.stream(basic.getResponses()).filter(r -> r.getCertID().equals(request.id())).findFirst()
                .orElseThrow(() -> new Unusable("no answer about the certificate asked for"));
        Instant thisUpdate = single.getThisUpdate().toInstant();
        if (thisUpdate.isAfter(now.plus(SKEW))) {
            throw new Unusable("answer from the future: " + thisUpdate);
        }
        if (single.getNextUpdate() != null ? single.getNextUpdate().toInstant().plus(SKEW).isBefore(now)
                : thisUpdate.plus(maxAge).isBefore(now)) {
            throw new Unusable("stale answer of " + thisUpdate);
        }
        CertificateStatus status = single.getCertStatus();
        if (status == CertificateStatus.GOOD) {
            return Status.GOOD;
        }
        return status instanceof RevokedStatus ? Status.REVOKED : Status.UNKNOWN;
    }

    private static byte[] nonceBytes(Extension nonce) {
        byte[] value = nonce.getExtnValue().getOctets();
        try {
            // RFC 8954: the value is an OCTET STRING; some responders send the raw bytes.
            return DEROctetString.getInstance(value).getOctets();
        } catch (Exception raw) {
            return value;
        }
    }

    private static void requireSignedByTheIssuerOrItsResponder(BasicOCSPResp basic, X509Certificate issuer, Instant now) {
        X509CertificateHolder issuerHolder;
        try {
            issuerHolder = new JcaX509CertificateHolder(issuer);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (signedBy(basic, issuerHolder)) {
            return;
        }
        for (X509CertificateHolder responder : basic.getCerts()) {
            if (responder.getIssuer().equals(issuerHolder.getSubject())
                    && certifiedBy(responder, issuerHolder)
                    && responder.isValidOn(Date.from(now))
                    && delegatedForOcsp(responder)
                    && signedBy(basic, responder)) {
                return;
            }
        }
        throw new Unusable("OCSP answer not signed by the issuer or a responder it delegated");
    }

    private static boolean signedBy(BasicOCSPResp basic, X509CertificateHolder signer) {
        try {
            return basic.isSignatureValid(VERIFIERS.build(signer));
        } catch (Exception otherKeyOrAlgorithm) {
            return false;
        }
    }

    private static boolean certifiedBy(X509CertificateHolder certificate, X509CertificateHolder issuer) {
        try {
            return certificate.isSignatureValid(VERIFIERS.build(issuer));
        } catch (Exception otherKeyOrAlgorithm) {
            return false;
        }
    }

    private static boolean delegatedForOcsp(X509CertificateHolder responder) {
        ExtendedKeyUsage usage = ExtendedKeyUsage.fromExtensions(responder.getExtensions());
        return usage != null && usage.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning);
    }

}
