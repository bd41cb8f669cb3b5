package kz.egov.idcard.biometrics;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import kz.egov.idcard.common.adapters.Adapters;

/** The face matcher in use, as {@code idcard.biometrics.matcher} says ({@code http} or {@code sandbox}). */
@ApplicationScoped
public class FaceMatchers {

    @Produces
    @ApplicationScoped
    FaceMatcher faceMatcher(BiometricsConfig config, @Any Instance<FaceMatcher> all) {
        return Adapters.choose(all, "idcard.biometrics.matcher", config.matcher());
    }

    void requireUrl(@Observes StartupEvent ignored, BiometricsConfig config) {
        Adapters.requireBaseUrl(config.matcher(), "face-matcher", "IDCARD_FACE_MATCHER_URL");
    }
}
