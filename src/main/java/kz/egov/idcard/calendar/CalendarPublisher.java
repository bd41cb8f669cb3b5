package kz.egov.idcard.calendar;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.egov.idcard.audit.AuditLog;
import kz.egov.idcard.audit.AuditType;
import kz.egov.idcard.common.db.Locks;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.error.FieldError;
import kz.egov.idcard.common.error.ValidationProblem;
import kz.egov.idcard.common.web.ClientInfo;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A year's official working-day calendar, published when the government's list (and its transfer
 * orders) is out (docs/product.md R4). It replaces the statutory estimate for that year: at once on
 * this instance, within {@code idcard.calendar.refresh} on the others; ready-on dates estimated
 * through that year are recomputed (application/ReadyOnEstimates).
 */
@ApplicationScoped
public class CalendarPublisher {

    /** A holiday or a day off of the list. */
    public record Day(LocalDate date, String name) {
    }

    /** A weekend day worked so that a weekday can be off. */
    public record Transfer(LocalDate dayOff, LocalDate workingDay, String name) {
    }

    @RegisterForReflection
    @Schema(name = "CalendarYear", description = "A year's working-day calendar: weekends are off unless listed as WORKING_DAY")
    public record YearView(
            @Schema(minimum = "2000", maximum = "2100", format = "int32", example = "2027") int year,
            @Schema(description = "The government's list; false while it is the statutory rule's estimate", example = "true") boolean official,
            @Schema(maxLength = 2000, description = "Where the list comes from", example = "Order of the Minister of Labour No. 123 of 1 Dec 2026") String source,
            @Schema(maxItems = 366) List<DayView> days) {
    }

    @RegisterForReflection
    @Schema(name = "CalendarDay")
    public record DayView(
            @Schema(example = "2027-01-01") LocalDate date,
            @Schema(enumeration = {"HOLIDAY", "DAY_OFF", "WORKING_DAY"}, maxLength = 16, example = "HOLIDAY") String kind,
            @Schema(maxLength = 200, example = "New Year") String name) {
    }

    private final CalendarRepository repository;
    private final CalendarService calendars;
    private final AuditLog audit;

    public CalendarPublisher(CalendarRepository repository, CalendarService calendars, AuditLog audit) {
        this.repository = repository;
        this.calendars = calendars;
        this.audit = audit;
    }

    public Uni<List<YearView>> years() {
        return repository.years().map(rows -> rows.stream()
                .map(row -> new YearView(((Number) row[0]).intValue(), Boolean.TRUE.equals(row[1]), (String) row[2], null)).toList());
    }

    public Uni<YearView> year(int year) {
        return Panache.withSession(() -> repository.year(year).chain(found -> {
            if (found == null) {
                throw new ApiException(ErrorCode.CALENDAR_NOT_FOUND, String.valueOf(year));
            }
            return repository.days(year).map(days -> new YearView(year, Boolean.TRUE.equals(found[0]), (String) found[1],
                    days.stream().map(d -> new DayView((LocalDate) d[0], ((String) d[1]).trim(), (String) d[2])).toList()));
        }));
    }

    /** Checks the list (every field that is wrong is named), then replaces the year's calendar with it; audited. */
    public Uni<YearView> publish(int year, String source, List<Day> holidays, List<Day> daysOff, List<Transfer> transfers,
            String admin, ClientInfo client) {
        List<CalendarData.ListedDay> days = validate(year, holidays, daysOff, transfers);
        return Panache.withTransaction(() -> Locks.advisory("calendar:" + year)
                        .chain(() -> repository.year(year))
                        .chain(before -> repository.days(year).chain(beforeDays -> repository.publish(year, source, days)
                                .chain(() -> audit.record(AuditType.REFERENCE_DATA_CHANGED, admin, "calendar:" + year,
                                        before == null ? "PUBLISHED" : "REPLACED", client,
                                        change(before, beforeDays, source, days))))))
                .invoke(calendars::forget)
                .chain(() -> year(year));
    }

    static List<CalendarData.ListedDay> validate(int year, List<Day> holidays, List<Day> daysOff, List<Transfer> transfers) {
        List<FieldError> errors = new ArrayList<>();
        List<CalendarData.ListedDay> days = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        addEach("holidays", holidays, CalendarData.DayKind.HOLIDAY, year, seen, days, errors);
        addEach("daysOff", daysOff, CalendarData.DayKind.DAY_OFF, year, seen, days, errors);
        for (int i = 0; i < transfers.size(); i++) {
            Transfer transfer = transfers.get(i);
            String at = "transfers[" + i + "]";
            if (transfer.dayOff() == null || transfer.workingDay() == null) {
                errors.add(new FieldError(at, "TRANSFER_INCOMPLETE", null));
                continue;
            }
            if (weekend(transfer.dayOff())) {
                errors.add(new FieldError(at + ".dayOff", "NOT_A_WEEKDAY", null));
            }
            if (!weekend(transfer.workingDay())) {
                errors.add(new FieldError(at + ".workingDay", "NOT_A_WEEKEND_DAY", null));
            }
            add(at + ".dayOff", new CalendarData.ListedDay(transfer.dayOff(), CalendarData.DayKind.DAY_OFF, transfer.name()), year,
                    seen, days, errors);
            add(at + ".workingDay", new CalendarData.ListedDay(transfer.workingDay(), CalendarData.DayKind.WORKING_DAY,
                    transfer.name()), year, seen, days, errors);
        }
        if (!errors.isEmpty()) {
            throw new ValidationProblem(errors);
        }
        days.sort(java.util.Comparator.comparing(CalendarData.ListedDay::date));
        return days;
    }

    private static void addEach(String field, List<Day> listed, CalendarData.DayKind kind, int year, Set<LocalDate> seen,
            List<CalendarData.ListedDay> days, List<FieldError> errors) {
        for (int i = 0; i < listed.size(); i++) {
            add(field + "[" + i + "].date", new CalendarData.ListedDay(listed.get(i).date(), kind, listed.get(i).name()), year, seen,
                    days, errors);
        }
    }

    private static void add(String field, CalendarData.ListedDay day, int year, Set<LocalDate> seen, List<CalendarData.ListedDay> days,
            List<FieldError> errors) {
        if (day.date() == null) {
            errors.add(new FieldError(field, "REQUIRED", null));
        } else if (day.date().getYear() != year) {
            errors.add(new FieldError(field, "DATE_OUTSIDE_YEAR", null));
        } else if (!seen.add(day.date())) {
            errors.add(new FieldError(field, "DUPLICATE_DATE", null));
        } else {
            days.add(day);
        }
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static Map<String, Object> change(Object[] before, List<Object[]> beforeDays, String source, List<CalendarData.ListedDay> days) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (before != null) {
            details.put("before", Map.of("official", before[0], "source", before[1],
                    "days", beforeDays.stream().map(d -> d[0] + " " + ((String) d[1]).trim()).toList()));
        }
        details.put("after", Map.of("official", true, "source", source,
                "days", days.stream().map(d -> d.date() + " " + d.kind()).toList()));
        return details;
    }
}
