package kz.egov.idcard.common.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/** The one clock every date and time rule reads; tests replace it with a movable one. */
@Singleton
public class ClockProducer {

    /** Kazakhstan has had a single zone, UTC+5, since March 2024; Asia/Almaty carries it. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Almaty");

    @Produces
    @Singleton
    Clock clock() {
        return Clock.system(ZONE);
    }
}
