package kz.egov.idcard.sms;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import kz.egov.idcard.common.adapters.Adapters;
import org.eclipse.microprofile.config.ConfigProvider;

/** The SMS gateway in use, as {@code idcard.adapters.sms} says ({@code http} or {@code sandbox}). */
@ApplicationScoped
public class SmsGateways {

    static final String SETTING = "idcard.adapters.sms";

    @Produces
    @ApplicationScoped
    SmsGateway sms(SmsConfig config, @Any Instance<SmsGateway> all) {
        return Adapters.choose(all, SETTING, config.sms());
    }

    /** The HTTP gateway without a base URL cannot work: refuse to start and say so. */
    void requireUrl(@Observes StartupEvent ignored, SmsConfig config) {
        if ("http".equals(config.sms()) && ConfigProvider.getConfig().getOptionalValue("quarkus.rest-client.sms-gateway.url", String.class)
                .filter(url -> !url.isBlank()).isEmpty()) {
            throw new IllegalStateException("Refusing to start without the base URLs of: IDCARD_SMS_GATEWAY_URL "
                    + "(quarkus.rest-client.sms-gateway.url)");
        }
    }
}
