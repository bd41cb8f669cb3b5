package kz.egov.idcard.biometrics;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.ConfigProvider;

/** Chooses the face matcher by configuration ({@code idcard.biometrics.matcher}). */
@ApplicationScoped
public class FaceMatchers {

    @Produces
    @ApplicationScoped
    FaceMatcher faceMatcher(BiometricsConfig config, Instance<SandboxFaceMatcher> sandbox, Instance<HttpFaceMatcher> http) {
        return switch (config.matcher()) {
            case "sandbox" -> sandbox.get();
            case "http" -> http.get();
            default -> throw new IllegalStateException("idcard.biometrics.matcher must be http or sandbox, not " + config.matcher());
        };
    }

    void requireUrl(@Observes StartupEvent ignored, BiometricsConfig config) {
        if (!config.matcher().equals("http") && !config.matcher().equals("sandbox")) {
            throw new IllegalStateException("idcard.biometrics.matcher must be http or sandbox, not " + config.matcher());
        }
        if (config.matcher().equals("http") && ConfigProvider.getConfig()
                .getOptionalValue("quarkus.rest-client.face-matcher.url", String.class).filter(u -> !u.isBlank()).isEmpty()) {
            throw new IllegalStateException("Refusing to start without the base URL of: IDCARD_FACE_MATCHER_URL "
                    + "(quarkus.rest-client.face-matcher.url)");
        }
    }
}
