package kz.egov.idcard.calendar;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the calendar tables; SQL kept together here. */
@ApplicationScoped
public class CalendarRepository {

    public Uni<CalendarData> load() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT year, official FROM calendar_year", Object[].class).getResultList()
                .chain(years -> session.createNativeQuery("SELECT day, kind FROM calendar_day", Object[].class).getResultList()
                        .chain(days -> session.createNativeQuery(
                                        "SELECT month_day, religious, valid_from, valid_to FROM statutory_holiday", Object[].class)
                                .getResultList()
                                .chain(statutory -> session.createNativeQuery("SELECT day FROM movable_holiday", LocalDate.class)
                                        .getResultList()
                                        .map(movable -> toData(years, days, statutory, movable)))))));
    }

    /** Every year with a calendar: year, official, source, oldest first. */
    public Uni<List<Object[]>> years() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT year, official, source FROM calendar_year ORDER BY year", Object[].class).getResultList()));
    }

    /** The listed days of a year: day, kind, name, in date order. */
    public Uni<List<Object[]>> days(int year) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT day, kind, name FROM calendar_day WHERE day BETWEEN ?1 AND ?2 ORDER BY day", Object[].class)
                .setParameter(1, LocalDate.of(year, 1, 1)).setParameter(2, LocalDate.of(year, 12, 31)).getResultList());
    }

    /** The year's source and whether it is official, or null when the year has no calendar. */
    public Uni<Object[]> year(int year) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT official, source FROM calendar_year WHERE year = ?1", Object[].class)
                .setParameter(1, year).getResultList()).map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** Replaces the year's list with the official one, in the caller's transaction. */
    public Uni<Void> publish(int year, String source, List<CalendarData.ListedDay> days) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("DELETE FROM calendar_day WHERE day BETWEEN ?1 AND ?2")
                .setParameter(1, LocalDate.of(year, 1, 1)).setParameter(2, LocalDate.of(year, 12, 31)).executeUpdate()
                .chain(() -> session.createNativeQuery("INSERT INTO calendar_year (year, source, official) VALUES (?1, ?2, TRUE) "
                                + "ON CONFLICT (year) DO UPDATE SET source = EXCLUDED.source, official = TRUE")
                        .setParameter(1, year).setParameter(2, source).executeUpdate())
                .chain(() -> insertEach(session, days, 0)));
    }

    private static Uni<Void> insertEach(org.hibernate.reactive.mutiny.Mutiny.Session session, List<CalendarData.ListedDay> days, int index) {
        if (index == days.size()) {
            return Uni.createFrom().voidItem();
        }
        CalendarData.ListedDay day = days.get(index);
        return session.createNativeQuery("INSERT INTO calendar_day (day, kind, name) VALUES (?1, ?2, ?3)")
                .setParameter(1, day.date()).setParameter(2, day.kind().name()).setParameter(3, day.name()).executeUpdate()
                .chain(() -> insertEach(session, days, index + 1));
    }

    private static CalendarData toData(List<Object[]> years, List<Object[]> rows, List<Object[]> statutoryRows,
            List<LocalDate> movable) {
        Map<LocalDate, CalendarData.DayKind> days = new HashMap<>();
        for (Object[] row : rows) {
            days.put((LocalDate) row[0], CalendarData.DayKind.valueOf((String) row[1]));
        }
        Set<Integer> published = new HashSet<>();
        Set<Integer> official = new HashSet<>();
        for (Object[] year : years) {
            published.add(((Number) year[0]).intValue());
            if (Boolean.TRUE.equals(year[1])) {
                official.add(((Number) year[0]).intValue());
            }
        }
        List<CalendarData.StatutoryHoliday> statutory = new ArrayList<>();
        for (Object[] row : statutoryRows) {
            statutory.add(new CalendarData.StatutoryHoliday(MonthDay.parse("--" + ((String) row[0]).trim()), (Boolean) row[1],
                    ((Number) row[2]).intValue(), row[3] == null ? null : ((Number) row[3]).intValue()));
        }
        return new CalendarData(Set.copyOf(published), Set.copyOf(official), Map.copyOf(days), List.copyOf(statutory), Set.copyOf(movable));
    }
}
