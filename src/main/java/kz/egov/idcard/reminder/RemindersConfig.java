package kz.egov.idcard.reminder;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Reminders (docs/product.md, Reminders). */
@ConfigMapping(prefix = "idcard.reminders")
public interface RemindersConfig {

    /** How often due reminders are looked for; {@code off} disables the job (the tests run it themselves). */
    @WithDefault("1m")
    String checkEvery();

    /** A draft's citizen is reminded this long before it expires. */
    @WithDefault("PT2H")
    Duration draftExpiryLead();

    /** A card ready for pickup and not collected after this long brings a reminder. */
    @WithDefault("P7D")
    Duration pickupAfter();

    /** Reminders of a day (the window opens, the visit is tomorrow) go out from this local time, HH:mm. */
    @WithDefault("09:00")
    String dayRemindersFrom();
}
