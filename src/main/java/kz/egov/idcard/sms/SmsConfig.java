package kz.egov.idcard.sms;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which SMS gateway is in use, beside the registries' choice under the same prefix (citizen/AdaptersConfig). */
@ConfigMapping(prefix = "idcard.adapters")
public interface SmsConfig {

    /** {@code http} (the real gateway) or {@code sandbox} (its own table, read at GET /sandbox/sms). */
    @WithDefault("http")
    String sms();
}
