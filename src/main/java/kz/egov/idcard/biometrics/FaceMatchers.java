package kz.egov.idcard.biometrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import kz.egov.idcard.common.adapters.Adapters;
import kz.egov.idcard.common.startup.StartupRequirement;

/** The face matcher in use, as {@code idcard.biometrics.matcher} says ({@code http} or {@code sandbox}). */
@ApplicationScoped
public class FaceMatchers implements StartupRequirement {

    private final BiometricsConfig config;

    public FaceMatchers(BiometricsConfig config) {
        this.config = config;
    }

    @Produces
    @ApplicationScoped
    FaceMatcher faceMatcher(BiometricsConfig config, @Any Instance<FaceMatcher> all) {
        return Adapters.choose(all, "idcard.biometrics.matcher", config.matcher());
    }

    /** The HTTP implementation needs its base URL: named at start with everything else missing. */
    @Override
    public List<String> missing() {
        return Adapters.missingBaseUrl(config.matcher(), "face-matcher", "IDCARD_FACE_MATCHER_URL");
    }
}
