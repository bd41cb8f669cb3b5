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
        List<StartupRequirement> made = new ArrayList<>();
        List<String> unusable = new ArrayList<>();
        // A requirement that cannot even be made (a key that does not parse, a sandbox secret without its table)
        // is named with the rest rather than ending the start on its own.
        requirements.handlesStream().forEach(handle -> {
            try {
                made.add(handle.get());
            } catch (RuntimeException e) {
                unusable.add(String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
            }
        });
        made.add(() -> unusable);
        refuseIfMissing(made);
    }

    public static void refuseIfMissing(List<? extends StartupRequirement> requirements) {
        List<String> missing = new ArrayList<>();
        for (StartupRequirement requirement : requirements) {
            try {
                missing.addAll(requirement.missing());
            } catch (RuntimeException e) {
                missing.add(String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
            }
        }
        if (!missing.isEmpty()) {
            String reason = "Refusing to start: these settings are missing or invalid: " + String.join("; ", missing);
            System.err.println(reason);
            System.err.flush();
            throw new IllegalStateException(reason);
        }
    }
}
