package kz.egov.idcard.citizen;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which implementation of each registry is in use: {@code http} (the real client) or {@code sandbox}
 * (its own tables). The SMS gateway and the push channel are chosen the same way under the same
 * prefix (sms/SmsGateways, notification/PushChannels).
 */
@ConfigMapping(prefix = "idcard.adapters")
public interface AdaptersConfig {

    /** The mobile citizens database (БМГ). */
    @WithDefault("http")
    String mobileCitizens();

    /** The ID document registry. */
    @WithDefault("http")
    String idDocuments();

    /** How many times a failed registry read is retried before answering 503. */
    @WithDefault("2")
    int registryRetries();
}
