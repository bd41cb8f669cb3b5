package kz.egov.idcard.sms;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import kz.egov.idcard.common.adapters.Adapters;

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
        Adapters.requireBaseUrl(config.sms(), "sms-gateway", "IDCARD_SMS_GATEWAY_URL");
    }
}
