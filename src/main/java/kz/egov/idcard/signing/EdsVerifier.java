package kz.egov.idcard.signing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/**
 * Verifies an EDS (ЭЦП): a CMS SignedData over the challenge, attached or detached. The signature
 * must verify; the content must be the challenge; the signer certificate must chain to a trust
 * anchor and be valid when the server verifies (its signingTime inside the challenge's life), allow signing (digitalSignature or nonRepudiation), and
 * name the applicant (subject serialNumber {@code IIN<12 digits>}). Blocking CPU work.
 */
public final class EdsVerifier {

    /** Why an EDS was refused; stable codes for the problem's {@code reason}. */
    public enum Failure {
        MALFORMED,
        CONTENT_MISMATCH,
        BAD_SIGNATURE,
        NOT_TRUSTED,
        CERTIFICATE_NOT_VALID,
        SIGNING_TIME_OUTSIDE_CHALLENGE,
        KEY_USAGE,
        NOT_THE_APPLICANT,
        REVOKED,
        REVOCATION_UNKNOWN
    }

    /** A signature that passed every offline check: the signer, its issuer and the anchor its chain ends in. */
    public record Verified(X509Certificate certificate, X509Certificate issuer, X509Certificate anchor) {
    }

    public static class EdsException extends RuntimeException {
        private final Failure failure;

        EdsException(Failure failure) {
            super(failure.name(), null, false, false);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }

    /** Intermediates followed between the signer and an anchor; real chains (НУЦ РК) have one. */
    private static final int MAX_CHAIN = 5;

    private EdsVerifier() {
    }

    /**
     * Returns the signer, its issuer and its anchor when every offline check passes (revocation is
     * checked apart). The certificate and its chain must be valid now, when the server verifies: a
     * {@code signingTime} is the signer's own claim and could be backdated into an expired
     * certificate's life. A {@code signingTime}, when present, must lie in {@code [signedFrom, signedUntil]}
     * (the challenge's life with some skew).
     */
    public static Verified verify(byte[] cms, String challenge, String applicantIin, Collection<X509Certificate> anchors,
            Date now, Date signedFrom, Date signedUntil) {
        byte[] content = challenge.getBytes(StandardCharsets.UTF_8);
        CMSSignedData signed;
        try {
            signed = new CMSSignedData(cms);
            if (signed.getSignedContent() == null) {
                signed = new CMSSignedData(new CMSProcessableByteArray(content), cms);
            } else if (!Arrays.equals((byte[]) signed.getSignedContent().getContent(), content)) {
                throw new EdsException(Failure.CONTENT_MISMATCH);
            }
        } catch (EdsException e) {
            throw e;
        } catch (Exception e) {
            throw new EdsException(Failure.MALFORMED);
        }
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new EdsException(Failure.MALFORMED);
        }
        SignerInformation signer = signers.iterator().next();
        try {
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                throw new EdsException(Failure.MALFORMED);
            }
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER);
            X509Certificate certificate = converter.getCertificate(matches.iterator().next());
            try {
                if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BouncyCastle.PROVIDER)
                        .build(certificate))) {
                    throw new EdsException(Failure.BAD_SIGNATURE);
                }
            } catch (org.bouncycastle.cms.CMSVerifierCertificateNotValidException notValidWhenSigned) {
                // Bouncy Castle judges the certificate at the signingTime the signer claims; we judge it now, below.
                throw new EdsException(Failure.CERTIFICATE_NOT_VALID);
            }
            Date signingTime = signingTime(signer, now);
            if (signingTime.before(signedFrom) || signingTime.after(signedUntil)) {
                throw new EdsException(Failure.SIGNING_TIME_OUTSIDE_CHALLENGE);
            }
            try {
                certificate.checkValidity(now);
            } catch (Exception expired) {
                throw new EdsException(Failure.CERTIFICATE_NOT_VALID);
            }
            boolean[] usage = certificate.getKeyUsage();
            if (usage == null || !(usage[0] || usage[1])) {
                throw new EdsException(Failure.KEY_USAGE);
            }
            Verified verified = chain(certificate, signed, converter, anchors, now);
            if (!("IIN" + applicantIin).equals(serialNumber(certificate))) {
                throw new EdsException(Failure.NOT_THE_APPLICANT);
            }
            return verified;
        } catch (EdsException e) {
            throw e;
        } catch (Exception e) {
            throw new EdsException(Failure.BAD_SIGNATURE);
        }
    }

    private static Date signingTime(SignerInformation signer, Date now) {
        if (signer.getSignedAttributes() != null) {
            Attribute attribute = signer.getSignedAttributes().get(CMSAttributes.signingTime);
            if (attribute != null && attribute.getAttrValues().size() == 1) {
                return Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate();
            }
        }
        return now;
    }

    private static Verified chain(X509Certificate certificate, CMSSignedData signed, JcaX509CertificateConverter converter,
            Collection<X509Certificate> anchors, Date at) {
        try {
            List<X509Certificate> supplied = new ArrayList<>();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> all = signed.getCertificates().getMatches(null);
            for (X509CertificateHolder holder : all) {
                supplied.add(converter.getCertificate(holder));
            }
            // Ordered from the signer up to the certificate an anchor issued; the signer's CMS may
            // carry intermediates in any order, and certificates that belong to no chain are ignored.
            List<X509Certificate> path = new ArrayList<>();
            path.add(certificate);
            X509Certificate current = certificate;
            while (path.size() <= MAX_CHAIN && !issuedByAnAnchor(current, anchors)) {
                X509Certificate child = current;
                X509Certificate parent = supplied.stream()
                        .filter(candidate -> !path.contains(candidate)
                                && candidate.getSubjectX500Principal().equals(child.getIssuerX500Principal()))
                        .findFirst().orElse(null);
                if (parent == null) {
                    break;
                }
                path.add(parent);
                current = parent;
            }
            Set<TrustAnchor> trust = anchors.stream().map(a -> new TrustAnchor(a, null)).collect(Collectors.toSet());
            if (trust.isEmpty()) {
                throw new EdsException(Failure.NOT_TRUSTED);
            }
            PKIXParameters parameters = new PKIXParameters(trust);
            parameters.setRevocationEnabled(false);
            parameters.setDate(at);
            PKIXCertPathValidatorResult result = (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
            X509Certificate anchor = result.getTrustAnchor().getTrustedCert();
            X509Certificate issuer = path.size() > 1 ? path.get(1) : anchor;
            return new Verified(certificate, issuer, anchor);
        } catch (EdsException e) {
            throw e;
        } catch (Exception e) {
            throw new EdsException(Failure.NOT_TRUSTED);
        }
    }

    private static boolean issuedByAnAnchor(X509Certificate certificate, Collection<X509Certificate> anchors) {
        return anchors.stream().anyMatch(anchor -> anchor.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()));
    }

    static String serialNumber(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] rdns = subject.getRDNs(BCStyle.SERIALNUMBER);
        return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }

    public static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (Exception e) {
            throw new IllegalArgumentException("not an X.509 certificate", e);
        }
    }
}
