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
