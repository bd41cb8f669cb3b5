package kz.egov.idcard.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Kazakhstan's working days (docs/product.md R4). A year with a published official list is exactly its
 * weekends plus the listed days. A year without one follows the statutory rule: the secular
 * holidays, each moved to the next working day when it falls on a weekend; the religious ones
 * (Orthodox Christmas, Kurban Ait) never move.
 */
public final class WorkingDayCalendar {

    private final CalendarData data;
    private final Map<Integer, Set<LocalDate>> statutoryDaysOff = new HashMap<>();

    public WorkingDayCalendar(CalendarData data) {
        this.data = data;
    }

    public boolean isWorkingDay(LocalDate day) {
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (data.publishedYears().contains(day.getYear())) {
            CalendarData.DayKind kind = data.days().get(day);
            if (kind == CalendarData.DayKind.WORKING_DAY) {
                return true;
            }
            return !weekend && kind == null;
        }
        return !weekend && !statutoryDaysOff(day.getYear()).contains(day);
    }

    /** The n-th working day after the given day (the day itself never counts). */
    public LocalDate nthWorkingDayAfter(LocalDate day, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be positive");
        }
        LocalDate current = day;
        int counted = 0;
        while (counted < n) {
            current = current.plusDays(1);
            if (isWorkingDay(current)) {
                counted++;
            }
        }
        return current;
    }

    /**
     * Whether a date counted from {@code from} to {@code to} rests on a year whose official list is
     * not published: it is then the statutory rule's estimate.
     */
    public boolean isEstimate(LocalDate from, LocalDate to) {
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            if (!isOfficial(year)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the year's list is the government's, not the statutory rule's estimate. */
    public boolean isOfficial(int year) {
        return data.officialYears().contains(year);
    }

    public boolean isPublished(int year) {
        return data.publishedYears().contains(year);
    }

    /** Every holiday and moved day off of a year by the statutory rule. */
    Set<LocalDate> statutoryDaysOff(int year) {
        synchronized (statutoryDaysOff) {
            return statutoryDaysOff.computeIfAbsent(year, this::computeStatutory);
        }
    }

    private Set<LocalDate> computeStatutory(int year) {
        Set<LocalDate> off = new TreeSet<>();
        List<LocalDate> secular = new ArrayList<>();
        for (CalendarData.StatutoryHoliday holiday : data.statutoryHolidays()) {
            if (holiday.appliesTo(year)) {
                off.add(holiday.day().atYear(year));
                if (!holiday.religious()) {
                    secular.add(holiday.day().atYear(year));
                }
            }
        }
        for (LocalDate movable : data.movableHolidays()) {
            if (movable.getYear() == year) {
                off.add(movable);
            }
        }
        secular.sort(null);
        for (LocalDate date : secular) {
            if (isWeekend(date)) {
                LocalDate moved = date.plusDays(1);
                while (isWeekend(moved) || off.contains(moved)) {
                    moved = moved.plusDays(1);
                }
                off.add(moved);
            }
        }
        return off;
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
