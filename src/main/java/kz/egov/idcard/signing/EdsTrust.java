package kz.egov.idcard.signing;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import kz.egov.idcard.auth.keys.KeyCodec;
import kz.egov.idcard.sandbox.SandboxCa;

/** The certificates an EDS signer must chain to: the configured ones, and in the sandbox its test CA. */
@ApplicationScoped
public class EdsTrust {

    private final List<X509Certificate> anchors = new ArrayList<>();

    public EdsTrust(EdsConfig config, SandboxCa sandboxCa) {
        config.trustAnchors().orElse(List.of()).forEach(text -> anchors.add(EdsVerifier.certificate(KeyCodec.der(text))));
        sandboxCa.certificate().ifPresent(anchors::add);
    }

    public List<X509Certificate> anchors() {
        return List.copyOf(anchors);
    }

    public boolean offered() {
        return !anchors.isEmpty();
    }

    static String describe(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName() + " #" + Base64.getEncoder()
                .encodeToString(certificate.getSerialNumber().toByteArray());
    }
}
