package kz.egov.idcard.biometrics;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import kz.egov.idcard.citizen.ReferencePhoto;
import kz.egov.idcard.common.adapters.Adapter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Set;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The biometric vendor's face verification service. Its answer is checked before use (a decision
 * we know, a score between 0 and 1); our threshold applies on top of its decision, and a failed
 * liveness check is a miss. Timeouts and a circuit breaker keep a failing vendor from holding
 * requests: while the circuit is open, calls fail at once and the citizen is told to retry.
 */
@ApplicationScoped
@Adapter("http")
public class HttpFaceMatcher implements FaceMatcher {

    private static final Logger LOG = Logger.getLogger(HttpFaceMatcher.class);
    private static final Set<String> DECISIONS = Set.of("MATCH", "NO_MATCH", "CANNOT_PROCESS");

    private final FaceMatcherClient client;
    private final BiometricsConfig config;

    public HttpFaceMatcher(@RestClient FaceMatcherClient client, BiometricsConfig config) {
        this.client = client;
        this.config = config;
    }

    @Override
    public String name() {
        return "vendor-http";
    }

    @Override
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2)
    @CircuitBreakerName("face-matcher")
    public Uni<FaceMatch> compare(ReferencePhoto reference, Image selfie) {
        Base64.Encoder base64 = Base64.getEncoder();
        return client.verify(new FaceMatcherClient.VerifyRequest(base64.encodeToString(reference.bytes()),
                        reference.contentType(), base64.encodeToString(selfie.bytes()), selfie.format().mediaType()))
                .map(this::toMatch);
    }

    FaceMatch toMatch(FaceMatcherClient.VerifyResponse answer) {
        if (answer == null || answer.decision() == null || !DECISIONS.contains(answer.decision()) || answer.score() == null
                || answer.score().isNaN() || answer.score() < 0 || answer.score() > 1) {
            LOG.warnf("Face matcher answered something unusable: decision=%s score=%s",
                    answer == null ? null : answer.decision(), answer == null ? null : answer.score());
            throw new IllegalStateException("face matcher answer failed validation");
        }
        FaceMatch.Quality quality = "POOR".equals(answer.quality()) ? FaceMatch.Quality.POOR : FaceMatch.Quality.GOOD;
        if (answer.decision().equals("CANNOT_PROCESS")) {
            return new FaceMatch(FaceMatch.Decision.CANNOT_PROCESS, answer.score(), FaceMatch.Quality.UNUSABLE);
        }
        boolean match = answer.decision().equals("MATCH") && answer.score() >= config.matchThreshold()
                && !"FAIL".equals(answer.liveness());
        return new FaceMatch(match ? FaceMatch.Decision.MATCH : FaceMatch.Decision.NO_MATCH, answer.score(), quality);
    }
}
