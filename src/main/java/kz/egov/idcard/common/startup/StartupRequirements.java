package kz.egov.idcard.common.startup;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.List;

/** Refuses to start while any {@link StartupRequirement} misses something, naming everything missing in one message. */
@ApplicationScoped
public class StartupRequirements {

    void check(@Observes @Priority(1) StartupEvent ignored, @Any Instance<StartupRequirement> requirements) {
        refuseIfMissing(requirements.stream().toList());
    }

    public static void refuseIfMissing(List<? extends StartupRequirement> requirements) {
        List<String> missing = new ArrayList<>();
        requirements.forEach(requirement -> missing.addAll(requirement.missing()));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Refusing to start without these secrets: " + String.join(", ", missing));
        }
    }
}
