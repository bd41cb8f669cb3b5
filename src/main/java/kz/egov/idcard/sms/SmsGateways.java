package kz.egov.idcard.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import kz.egov.idcard.common.adapters.Adapters;
import kz.egov.idcard.common.startup.StartupRequirement;

/** The SMS gateway in use, as {@code idcard.adapters.sms} says ({@code http} or {@code sandbox}). */
@ApplicationScoped
public class SmsGateways implements StartupRequirement {
    static final String SETTING = "idcard.adapters.sms";

    private final SmsConfig config;

    public SmsGateways(SmsConfig config) {
        this.config = config;
    }

    @Produces
    @ApplicationScoped
    SmsGateway sms(SmsConfig config, @Any Instance<SmsGateway> all) {
        return Adapters.choose(all, SETTING, config.sms());
    }

    /** The HTTP implementation needs its base URL: named at start with everything else missing. */
    @Override
    public List<String> missing() {
        return Adapters.missingBaseUrl(config.sms(), "sms-gateway", "IDCARD_SMS_GATEWAY_URL");
    }
}
