package kz.egov.idcard.signing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "idcard.signing")
public interface SigningConfig {

    /** How long a signing challenge can be signed. */
    @WithDefault("PT5M")
    Duration challengeTtl();

    /**
     * How far a CMS {@code signingTime} may lie outside the challenge's life (issued to expires),
     * for the clocks of the signer's device and ours.
     */
    @WithDefault("PT2M")
    Duration signingTimeSkew();
}
