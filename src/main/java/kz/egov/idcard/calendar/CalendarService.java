package kz.egov.idcard.calendar;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import kz.egov.idcard.common.RefreshingValue;

/** The working-day calendar, read from the database and read again after {@code idcard.calendar.refresh}. */
@ApplicationScoped
public class CalendarService {

    @ConfigMapping(prefix = "idcard.calendar")
    public interface CalendarConfig {
        /** How long the calendar and the fee schedule are kept in memory before their tables are read again. */
        @WithDefault("PT10M")
        Duration refresh();
    }

    private final RefreshingValue<WorkingDayCalendar> calendar;

    public CalendarService(CalendarRepository repository, CalendarConfig config) {
        this.calendar = new RefreshingValue<>(() -> repository.load().map(WorkingDayCalendar::new), config.refresh());
    }

    public Uni<WorkingDayCalendar> calendar() {
        return calendar.get();
    }

    /** Reads the calendar again on the next use: a published year takes effect at once on this instance. */
    public void forget() {
        calendar.forget();
    }
}
