package kz.egov.idcard.notification;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import kz.egov.idcard.common.adapters.Adapters;
import org.eclipse.microprofile.config.ConfigProvider;

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
        if ("http".equals(config.push()) && ConfigProvider.getConfig().getOptionalValue("quarkus.rest-client.push.url", String.class)
                .filter(url -> !url.isBlank()).isEmpty()) {
            throw new IllegalStateException("Refusing to start without the base URLs of: IDCARD_PUSH_URL (quarkus.rest-client.push.url)");
        }
    }
}
