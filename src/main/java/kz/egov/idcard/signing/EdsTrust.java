package kz.egov.idcard.signing;

import io.smallrye.mutiny.Uni;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/**
 * Which certification authorities an EDS signer certificate may chain to, and whether a certificate
 * they issued is revoked. Production trusts the configured anchors and asks their OCSP responder
 * ({@link ConfiguredEdsTrust}); the sandbox adds its test CA. Chosen by {@code idcard.eds.trust}.
 */
public interface EdsTrust {

    List<X509Certificate> anchors();

    /** EDS is offered only when some authority is trusted. */
    default boolean offered() {
        return !anchors().isEmpty();
    }

    /** Null when the certificate is good; REVOKED or REVOCATION_UNKNOWN; a 503 failure when it cannot be told. */
    Uni<EdsVerifier.Failure> revocation(EdsVerifier.Verified signer);

    static String describe(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName() + " #" + Base64.getEncoder()
                .encodeToString(certificate.getSerialNumber().toByteArray());
    }
}
