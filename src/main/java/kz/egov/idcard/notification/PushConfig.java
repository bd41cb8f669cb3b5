package kz.egov.idcard.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which push channel is in use, beside the registries' choice under the same prefix (citizen/AdaptersConfig). */
@ConfigMapping(prefix = "idcard.adapters")
public interface PushConfig {

    /** {@code http} (the eGov Mobile push service) or {@code sandbox} (its own table). */
    @WithDefault("http")
    String push();
}
