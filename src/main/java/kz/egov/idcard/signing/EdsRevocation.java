package kz.egov.idcard.signing;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.startup.StartupRequirement;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Whether an EDS signer certificate is revoked, asked of the certification authority's OCSP
 * responder ({@code quarkus.rest-client.eds-ocsp.url}) each time a signature is offered. Fails
 * closed: with no trustworthy answer the signature is not accepted (503, the citizen can retry or
 * sign another way).
 */
@ApplicationScoped
public class EdsRevocation implements StartupRequirement {

    private static final Logger LOG = Logger.getLogger(EdsRevocation.class);
    private static final String URL_KEY = "quarkus.rest-client.eds-ocsp.url";

    private final Instance<OcspClient> responder;
    private final EdsConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public EdsRevocation(@RestClient Instance<OcspClient> responder, EdsConfig config, Clock clock) {
        this.responder = responder;
        this.config = config;
        this.clock = clock;
    }

    /** Configured trust anchors need their OCSP responder: named at start with everything else missing. */
    @Override
    public List<String> missing() {
        return missingResponder(config.trustAnchors().orElse(List.of()), ConfigProvider.getConfig().getOptionalValue(URL_KEY, String.class));
    }

    static List<String> missingResponder(List<String> trustAnchors, Optional<String> responderUrl) {
        if (!trustAnchors.isEmpty() && responderUrl.filter(url -> !url.isBlank()).isEmpty()) {
            return List.of("IDCARD_EDS_OCSP_URL (" + URL_KEY + "), the OCSP responder that tells revoked certificates of the "
                    + "configured EDS trust anchors");
        }
        return List.of();
    }

    static void requireResponder(List<String> trustAnchors, Optional<String> responderUrl) {
        List<String> missing = missingResponder(trustAnchors, responderUrl);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Refusing to start: EDS trust anchors are configured without " + missing.get(0));
        }
    }

    /** Null when the certificate is good; REVOKED or REVOCATION_UNKNOWN as the responder says; 503 when it cannot be told. */
    public Uni<EdsVerifier.Failure> check(EdsVerifier.Verified signer) {
        Ocsp.Request request = Ocsp.request(signer.certificate(), signer.issuer(), random);
        return responder.get().ask(request.encoded())
                .map(answer -> switch (Ocsp.read(answer, request, signer.issuer(), clock.instant(), config.ocspMaxAge())) {
                    case GOOD -> (EdsVerifier.Failure) null;
                    case REVOKED -> EdsVerifier.Failure.REVOKED;
                    case UNKNOWN -> EdsVerifier.Failure.REVOCATION_UNKNOWN;
                })
                .onFailure().transform(failure -> {
                    LOG.warnf("EDS revocation status of %s unavailable: %s", EdsTrust.describe(signer.certificate()), failure.toString());
                    return new ApiException(ErrorCode.EDS_REVOCATION_UNAVAILABLE).retryAfter(30);
                });
    }
}
