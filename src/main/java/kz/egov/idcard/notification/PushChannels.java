package kz.egov.idcard.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import kz.egov.idcard.common.adapters.Adapters;
import kz.egov.idcard.common.startup.StartupRequirement;

/** The push channel in use, as {@code idcard.adapters.push} says ({@code http} or {@code sandbox}). */
@ApplicationScoped
public class PushChannels implements StartupRequirement {
    static final String SETTING = "idcard.adapters.push";

    private final PushConfig config;

    public PushChannels(PushConfig config) {
        this.config = config;
    }

    @Produces
    @ApplicationScoped
    PushChannel push(PushConfig config, @Any Instance<PushChannel> all) {
        return Adapters.choose(all, SETTING, config.push());
    }

    /** The HTTP implementation needs its base URL: named at start with everything else missing. */
    @Override
    public List<String> missing() {
        return Adapters.missingBaseUrl(config.push(), "push", "IDCARD_PUSH_URL");
    }
}
