package kz.egov.idcard.fees;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import kz.egov.idcard.calendar.CalendarService;
import kz.egov.idcard.common.RefreshingValue;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.points.Tier;

/** Quotes: the fee of a tier on a date and the date the card is ready if applied for that day. */
@ApplicationScoped
public class FeeService {

    /** A fee and when the card is ready. */
    public record Quote(FeeSchedule.Fee fee, LocalDate date, LocalDate readyOn) {
    }

    private final RefreshingValue<FeeSchedule> schedule;
    private final CalendarService calendars;

    public FeeService(FeeScheduleRepository repository, CalendarService calendars, CalendarService.CalendarConfig config) {
        this.schedule = new RefreshingValue<>(repository::load, config.refresh());
        this.calendars = calendars;
    }

    public Uni<Quote> quote(Tier tier, LocalDate date) {
        return schedule.get().chain(fees -> {
            FeeSchedule.Fee fee = fees.fee(tier, date.getYear())
                    .orElseThrow(() -> new ApiException(ErrorCode.FEE_YEAR_UNKNOWN, String.valueOf(date.getYear())));
            return calendars.calendar().map(calendar ->
                    new Quote(fee, date, calendar.nthWorkingDayAfter(date, fee.workingDays())));
        });
    }
}
