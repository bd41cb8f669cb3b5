package kz.egov.idcard.signing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "idcard.signing")
public interface SigningConfig {

    /** How long a signing challenge can be signed. */
    @WithDefault("PT5M")
    Duration challengeTtl();
}
