package kz.egov.idcard.common.startup;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses to start while any {@link StartupRequirement} misses something, naming everything missing
 * (keys, secrets, adapter URLs, EDS trust) in one message with the environment variables to set. The
 * message is also written to standard error at once: the console log is asynchronous, and a process
 * that exits could take an unwritten reason with it.
 */
@ApplicationScoped
public class StartupRequirements {

    void check(@Observes @Priority(1) StartupEvent ignored, @Any Instance<StartupRequirement> requirements) {
        refuseIfMissing(requirements.stream().toList());
    }

    public static void refuseIfMissing(List<? extends StartupRequirement> requirements) {
        List<String> missing = new ArrayList<>();
        requirements.forEach(requirement -> missing.addAll(requirement.missing()));
        if (!missing.isEmpty()) {
            String reason = "Refusing to start: these settings are missing or invalid: " + String.join("; ", missing);
            System.err.println(reason);
            System.err.flush();
            throw new IllegalStateException(reason);
        }
    }
}
