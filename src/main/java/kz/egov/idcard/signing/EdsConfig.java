package kz.egov.idcard.signing;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** EDS (ЭЦП) signing; offered only when some trust anchor is configured (or in the sandbox, its test CA). */
@ConfigMapping(prefix = "idcard.eds")
public interface EdsConfig {

    /** Certificates (base64 DER or PEM) that signer certificates must chain to, e.g. the National Certification Authority's roots. */
    Optional<List<String>> trustAnchors();
}
