package kz.egov.idcard.signing;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.cert.X509Certificate;
import java.util.List;
import kz.egov.idcard.common.adapters.Adapter;
import kz.egov.idcard.common.keys.KeyCodec;

/** The anchors of {@code idcard.eds.trust-anchors}, with revocation asked of their OCSP responder (EdsRevocation). */
@ApplicationScoped
@Adapter("configured")
public class ConfiguredEdsTrust implements EdsTrust {

    private final List<X509Certificate> anchors;
    private final EdsRevocation revocation;

    public ConfiguredEdsTrust(EdsConfig config, EdsRevocation revocation) {
        this.anchors = config.trustAnchors().orElse(List.of()).stream()
                .map(text -> EdsVerifier.certificate(KeyCodec.der(text))).toList();
        this.revocation = revocation;
    }

    @Override
    public List<X509Certificate> anchors() {
        return anchors;
    }

    @Override
    public Uni<EdsVerifier.Failure> revocation(EdsVerifier.Verified signer) {
        return revocation.check(signer);
    }
}
