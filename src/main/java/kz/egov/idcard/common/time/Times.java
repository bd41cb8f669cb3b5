package kz.egov.idcard.common.time;

import java.time.OffsetDateTime;

/** Instants leave the API in Kazakhstan's offset, whatever offset the database handed back. */
public final class Times {

    private Times() {
    }

    public static OffsetDateTime local(OffsetDateTime instant) {
        return instant == null ? null : instant.atZoneSameInstant(ClockProducer.ZONE).toOffsetDateTime();
    }
}
