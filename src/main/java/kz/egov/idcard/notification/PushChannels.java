package kz.egov.idcard.notification;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import kz.egov.idcard.common.adapters.Adapters;

/** The push channel in use, as {@code idcard.adapters.push} says ({@code http} or {@code sandbox}). */
@ApplicationScoped
public class PushChannels {

    static final String SETTING = "idcard.adapters.push";

    @Produces
    @ApplicationScoped
    PushChannel push(PushConfig config, @Any Instance<PushChannel> all) {
        return Adapters.choose(all, SETTING, config.push());
    }

    /** The HTTP channel without a base URL cannot work: refuse to start and say so. */
    void requireUrl(@Observes StartupEvent ignored, PushConfig config) {
        Adapters.requireBaseUrl(config.push(), "push", "IDCARD_PUSH_URL");
    }
}
