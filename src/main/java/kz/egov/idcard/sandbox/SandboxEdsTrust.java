package kz.egov.idcard.sandbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import kz.egov.idcard.common.adapters.Adapter;
import kz.egov.idcard.signing.EdsTrust;
import kz.egov.idcard.signing.EdsVerifier;

/**
 * The sandbox trusts what is configured and its own test CA. Certificates of the test CA are not
 * asked about: it has no OCSP responder and revokes nothing.
 */
@ApplicationScoped
@Adapter("sandbox")
public class SandboxEdsTrust implements EdsTrust {

    private final EdsTrust configured;
    private final SandboxCa ca;

    public SandboxEdsTrust(@Adapter("configured") EdsTrust configured, SandboxCa ca) {
        this.configured = configured;
        this.ca = ca;
    }

    @Override
    public List<X509Certificate> anchors() {
        List<X509Certificate> anchors = new ArrayList<>(configured.anchors());
        anchors.add(ca.certificate());
        return anchors;
    }

    @Override
    public Uni<EdsVerifier.Failure> revocation(EdsVerifier.Verified signer) {
        if (ca.certificate().equals(signer.anchor())) {
            return Uni.createFrom().nullItem();
        }
        return configured.revocation(signer);
    }
}
