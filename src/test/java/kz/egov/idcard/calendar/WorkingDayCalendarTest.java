package kz.egov.idcard.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The statutory rule, for a year without a published list. */
class WorkingDayCalendarTest {

    private static final List<CalendarData.StatutoryHoliday> LAW = List.of(
            secular("01-01"), secular("01-02"), religious("01-07"), secular("03-08"), secular("03-15"), secular("03-21"),
            secular("03-22"), secular("03-23"), secular("05-01"), secular("05-07"), secular("05-09"), secular("07-06"),
            secular("10-25"), secular("12-16"));

    private final WorkingDayCalendar calendar = new WorkingDayCalendar(new CalendarData(Set.of(2026), Set.of(2026), Map.of(
            LocalDate.of(2026, 1, 1), CalendarData.DayKind.HOLIDAY,
            LocalDate.of(2026, 1, 3), CalendarData.DayKind.WORKING_DAY), LAW, Set.of(LocalDate.of(2028, 5, 5))));

    @Test
    void aSecularHolidayOnAWeekendMovesToTheNextWorkingDay() {
        // 2028: 1 January is a Saturday and 2 January a Sunday, so Monday 3 and Tuesday 4 are off.
        assertThat(calendar.isWorkingDay(LocalDate.of(2028, 1, 3))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2028, 1, 4))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2028, 1, 5))).isTrue();
    }

    @Test
    void nauryzOnAWeekendPushesItsDaysOffPastTheHolidaysThatFollow() {
        // 2032: 21 March is a Sunday; 22 and 23 are Monday and Tuesday holidays; the moved day is Wednesday 24.
        assertThat(calendar.isWorkingDay(LocalDate.of(2032, 3, 22))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2032, 3, 23))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2032, 3, 24))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2032, 3, 25))).isTrue();
    }

    @Test
    void religiousHolidaysDoNotMove() {
        // 2029: 7 January is a Sunday; Monday 8 January is worked.
        assertThat(calendar.isWorkingDay(LocalDate.of(2029, 1, 8))).isTrue();
        // Kurban Ait 2028 from the movable dates: Friday 5 May.
        assertThat(calendar.isWorkingDay(LocalDate.of(2028, 5, 5))).isFalse();
    }

    @Test
    void aPublishedYearIsExactlyItsWeekendsAndListedDays() {
        assertThat(calendar.isPublished(2026)).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 1))).isFalse();
        // Not listed, so worked although the law would make it a holiday.
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 2))).isTrue();
        // A Saturday made a working day.
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 3))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 4))).isFalse();
    }

    @Test
    void theNthWorkingDayNeverCountsTheStartDay() {
        assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2029, 1, 9), 1)).isEqualTo(LocalDate.of(2029, 1, 10));
        assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2029, 1, 12), 1)).isEqualTo(LocalDate.of(2029, 1, 15));
    }

    private static CalendarData.StatutoryHoliday secular(String day) {
        return new CalendarData.StatutoryHoliday(MonthDay.parse("--" + day), false, 2000, null);
    }

    private static CalendarData.StatutoryHoliday religious(String day) {
        return new CalendarData.StatutoryHoliday(MonthDay.parse("--" + day), true, 2000, null);
    }

    @Test
    void aDateCountedThroughAYearWithoutAnOfficialListIsAnEstimate() {
        assertThat(calendar.isEstimate(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 20))).isFalse();
        assertThat(calendar.isEstimate(LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 5))).isTrue();
        assertThat(calendar.isEstimate(LocalDate.of(2028, 1, 3), LocalDate.of(2028, 1, 5))).isTrue();
    }
}
