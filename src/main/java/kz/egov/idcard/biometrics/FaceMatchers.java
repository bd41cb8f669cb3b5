package kz.egov.idcard.biometrics;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import kz.egov.idcard.common.adapters.Adapters;
import org.eclipse.microprofile.config.ConfigProvider;

/** The face matcher in use, as {@code idcard.biometrics.matcher} says ({@code http} or {@code sandbox}). */
@ApplicationScoped
public class FaceMatchers {

    @Produces
    @ApplicationScoped
    FaceMatcher faceMatcher(BiometricsConfig config, @Any Instance<FaceMatcher> all) {
        return Adapters.choose(all, "idcard.biometrics.matcher", config.matcher());
    }

    void requireUrl(@Observes StartupEvent ignored, BiometricsConfig config) {
        if (config.matcher().equals("http") && ConfigProvider.getConfig()
                .getOptionalValue("quarkus.rest-client.face-matcher.url", String.class).filter(u -> !u.isBlank()).isEmpty()) {
            throw new IllegalStateException("Refusing to start without the base URL of: IDCARD_FACE_MATCHER_URL "
                    + "(quarkus.rest-client.face-matcher.url)");
        }
    }
}
