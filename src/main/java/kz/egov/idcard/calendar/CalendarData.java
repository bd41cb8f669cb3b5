package kz.egov.idcard.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The calendar as stored: which years have a published list, the listed days of those years, and
 * for the other years the statutory holidays and the dates of the religious ones that move.
 *
 * @param publishedYears years whose list is loaded; each is exactly its weekends and listed days
 * @param officialYears the published years whose list is the government's; the others' lists are the statutory rule's estimate
 * @param days listed days of published years and what they are
 * @param statutoryHolidays the holidays by law, for years without a published list
 * @param movableHolidays religious holidays with moving dates (Kurban Ait day 1), for unpublished years
 */
public record CalendarData(Set<Integer> publishedYears, Set<Integer> officialYears, Map<LocalDate, DayKind> days,
        List<StatutoryHoliday> statutoryHolidays, Set<LocalDate> movableHolidays) {

    public enum DayKind {
        /** A public holiday. */
        HOLIDAY,
        /** A weekday not worked: a holiday moved off a weekend, or a decree transfer. */
        DAY_OFF,
        /** A Saturday or Sunday worked by decree. */
        WORKING_DAY
    }

    /** A day of a year's list, as published. */
    public record ListedDay(LocalDate date, DayKind kind, String name) {
    }

    /** A holiday by law on a fixed date, in force from one year to another (inclusive; open-ended when null). */
    public record StatutoryHoliday(MonthDay day, boolean religious, int validFrom, Integer validTo) {
        boolean appliesTo(int year) {
            return year >= validFrom && (validTo == null || year <= validTo);
        }
    }
}
