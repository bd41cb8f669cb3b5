package kz.egov.idcard.signing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * EDS (ЭЦП) signing; offered only when some trust anchor is configured (or in the sandbox, its test
 * CA). Configured anchors need the OCSP responder too ({@code quarkus.rest-client.eds-ocsp.url}).
 */
@ConfigMapping(prefix = "idcard.eds")
public interface EdsConfig {

    /** Certificates (base64 DER or PEM) that signer certificates must chain to, e.g. the National Certification Authority's roots. */
    Optional<List<String>> trustAnchors();

    /** How old an OCSP answer without nextUpdate may be (pre-produced answers). */
    @WithDefault("PT1H")
    Duration ocspMaxAge();

    /** {@code configured}: the anchors above, with OCSP; {@code sandbox}: those and the sandbox's test CA. */
    @WithDefault("configured")
    String trust();
}
