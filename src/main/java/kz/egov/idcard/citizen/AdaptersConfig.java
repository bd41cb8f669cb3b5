package kz.egov.idcard.citizen;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which implementation of each external system is in use: the real HTTP client or the sandbox's tables. */
@ConfigMapping(prefix = "idcard.adapters")
public interface AdaptersConfig {

    /** The mobile citizens database (БМГ). */
    @WithDefault("http")
    Kind mobileCitizens();

    /** The ID document registry. */
    @WithDefault("http")
    Kind idDocuments();

    /** The SMS gateway. */
    @WithDefault("http")
    Kind sms();

    /** The eGov Mobile push service. */
    @WithDefault("http")
    Kind push();

    /** How many times a failed registry read is retried before answering 503. */
    @WithDefault("2")
    int registryRetries();

    enum Kind {
        HTTP,
        SANDBOX
    }
}
