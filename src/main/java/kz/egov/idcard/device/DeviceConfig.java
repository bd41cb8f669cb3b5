package kz.egov.idcard.device;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "idcard.devices")
public interface DeviceConfig {

    /** How many active devices one citizen may have enrolled. */
    @WithDefault("5")
    @jakarta.validation.constraints.Min(1)
    @jakarta.validation.constraints.Max(100) // GET /devices documents at most 100
    int maxPerCitizen();
}
