package kz.egov.idcard.common.adapters;

import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one way an implementation of an external system is chosen: by the name a setting gives,
 * among the beans that carry {@link Adapter}. An unknown name refuses the start, naming the setting
 * and the names there are.
 */
public final class Adapters {

    private Adapters() {
    }

    /**
     * What is missing when the HTTP implementation is chosen without its base URL (a REST client's
     * {@code quarkus.rest-client.<client>.url}): the environment variable to set; for a
     * {@link kz.egov.idcard.common.startup.StartupRequirement}.
     */
    public static List<String> missingBaseUrl(String chosen, String client, String variable) {
        if ("http".equals(chosen) && ConfigProvider.getConfig().getOptionalValue("quarkus.rest-client." + client + ".url", String.class)
                .filter(url -> !url.isBlank()).isEmpty()) {
            return List.of(variable + " (quarkus.rest-client." + client + ".url)");
        }
        return List.of();
    }

    /**
     * @param candidates every implementation ({@code @Any Instance<T>})
     * @param setting the property that chooses, for the message
     * @param name the value of that property
     */
    public static <T> T choose(Instance<T> candidates, String setting, String name) {
        Instance<T> chosen = candidates.select(new Adapter.Literal(name));
        if (chosen.isResolvable()) {
            return chosen.get();
        }
        TreeSet<String> known = new TreeSet<>();
        candidates.handlesStream().forEach(handle -> handle.getBean().getQualifiers().stream()
                .filter(Adapter.class::isInstance).map(q -> ((Adapter) q).value()).forEach(known::add));
        throw new IllegalStateException(setting + " must be one of " + String.join(", ", known) + ", not '" + name + "'");
    }
}
