package kz.egov.idcard.booking;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Booking a visit to a Public Service Center (docs/product.md, Public Service Center visits). */
@ConfigMapping(prefix = "idcard.bookings")
public interface BookingsConfig {

    /** A slot starting sooner than this is not offered: the citizen needs the time to get there. */
    @WithDefault("PT1H")
    Duration minLead();

    /** How far ahead visits can be booked. */
    @WithDefault("P30D")
    Duration horizon();
}
