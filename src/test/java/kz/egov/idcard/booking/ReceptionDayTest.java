package kz.egov.idcard.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import kz.egov.idcard.common.time.ClockProducer;
import kz.egov.idcard.points.PointViews;
import org.junit.jupiter.api.Test;

/** A centre's slots of a day, from its opening hours, the slot length and whether the day is a working day. */
class ReceptionDayTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 14);
    private static final List<PointViews.Hours> HOURS = List.of(new PointViews.Hours("MON-FRI", "09:00", "10:50"),
            new PointViews.Hours("SAT", "10:00", "12:00"));

    private static List<String> starts(List<ReceptionDay.Window> slots) {
        return slots.stream().map(slot -> slot.start().toLocalTime().toString()).toList();
    }

    @Test
    void slotsRunFromOpeningAndASlotThatWouldEndAfterClosingIsNotOffered() {
        List<ReceptionDay.Window> slots = ReceptionDay.slots(MONDAY, true, HOURS, Duration.ofMinutes(20), ClockProducer.ZONE);
        assertThat(starts(slots)).containsExactly("09:00", "09:20", "09:40", "10:00", "10:20");
        assertThat(slots.get(4).end().toLocalTime()).hasToString("10:40");
        assertThat(slots.get(0).start()).hasToString("2026-12-14T09:00+05:00");
    }

    @Test
    void aDayThatIsNotAWorkingDayHasNoSlotsWhateverTheHoursSay() {
        assertThat(ReceptionDay.slots(MONDAY, false, HOURS, Duration.ofMinutes(20), ClockProducer.ZONE)).isEmpty();
        assertThat(ReceptionDay.slots(MONDAY.plusDays(6), false, HOURS, Duration.ofMinutes(20), ClockProducer.ZONE)).isEmpty();
    }

    @Test
    void aWorkingSaturdayFollowsTheSaturdayHoursAndADayWithoutHoursHasNone() {
        assertThat(starts(ReceptionDay.slots(MONDAY.plusDays(5), true, HOURS, Duration.ofMinutes(60), ClockProducer.ZONE)))
                .containsExactly("10:00", "11:00");
        assertThat(ReceptionDay.slots(MONDAY.plusDays(6), true, HOURS, Duration.ofMinutes(60), ClockProducer.ZONE)).isEmpty();
    }

    @Test
    void dayRangesCoverTheirEnds() {
        assertThat(ReceptionDay.covers("MON-FRI", DayOfWeek.FRIDAY)).isTrue();
        assertThat(ReceptionDay.covers("MON-FRI", DayOfWeek.SATURDAY)).isFalse();
        assertThat(ReceptionDay.covers("SAT", DayOfWeek.SATURDAY)).isTrue();
        assertThat(ReceptionDay.covers("MON-SAT", DayOfWeek.SUNDAY)).isFalse();
    }
}
