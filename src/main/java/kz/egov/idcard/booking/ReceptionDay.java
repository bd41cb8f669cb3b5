package kz.egov.idcard.booking;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import kz.egov.idcard.points.PointViews;

/**
 * The slots of one centre on one day: inside its opening hours, one after another from opening,
 * each of the reception's length, the last ending by closing time. A day that is not a working day
 * of the calendar has none, whatever the hours say (docs/product.md, Public Service Center visits).
 */
final class ReceptionDay {

    /** A slot's place in time. */
    record Window(OffsetDateTime start, OffsetDateTime end) {
    }

    private ReceptionDay() {
    }

    static List<Window> slots(LocalDate day, boolean workingDay, List<PointViews.Hours> hours, Duration length, ZoneId zone) {
        if (!workingDay) {
            return List.of();
        }
        PointViews.Hours open = hours.stream().filter(h -> covers(h.days(), day.getDayOfWeek())).findFirst().orElse(null);
        if (open == null) {
            return List.of();
        }
        LocalTime closes = LocalTime.parse(open.closes());
        List<Window> slots = new ArrayList<>();
        LocalTime start = LocalTime.parse(open.opens());
        while (!start.plus(length).isAfter(closes) && start.plus(length).isAfter(start)) {
            LocalTime end = start.plus(length);
            slots.add(new Window(day.atTime(start).atZone(zone).toOffsetDateTime(), day.atTime(end).atZone(zone).toOffsetDateTime()));
            start = end;
        }
        return slots;
    }

    /** "MON-FRI", "SAT", "MON-SAT": whether the day of the week is in it. */
    static boolean covers(String days, DayOfWeek day) {
        String[] ends = days.split("-");
        DayOfWeek from = parse(ends[0]);
        DayOfWeek to = ends.length > 1 ? parse(ends[1]) : from;
        return from.getValue() <= to.getValue()
                ? day.getValue() >= from.getValue() && day.getValue() <= to.getValue()
                : day.getValue() >= from.getValue() || day.getValue() <= to.getValue();
    }

    private static DayOfWeek parse(String abbreviation) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(abbreviation)) {
                return day;
            }
        }
        throw new IllegalArgumentException("Not a day of the week: " + abbreviation);
    }
}
