package kz.egov.idcard.fees;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import kz.egov.idcard.calendar.CalendarService;
import kz.egov.idcard.common.RefreshingValue;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.points.Tier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Quotes: the fee of a tier on a date and the date the card is ready if applied for that day. */
@ApplicationScoped
public class FeeService {

    /** A fee and when the card is ready. */
    public record Quote(FeeSchedule.Fee fee, LocalDate date, LocalDate readyOn, boolean readyOnEstimated) {
    }

    /** When the card is ready; an estimate while a year it counts through has no published calendar. */
    public record ReadyOn(LocalDate date, boolean estimated) {
    }

    private final RefreshingValue<FeeSchedule> schedule;
    private final CalendarService calendars;

    public FeeService(FeeScheduleRepository repository, CalendarService calendars, CalendarService.CalendarConfig config) {
        this.schedule = new RefreshingValue<>(repository::load, config.refresh());
        this.calendars = calendars;
    }

    /**
     * What reference data is missing for the years given, in order: "MRP 2027" when the year's MRP
     * is not published, "calendar 2027" when its official working-day calendar is not.
     */
    public Uni<List<String>> missing(List<Integer> years) {
        return schedule.get().chain(fees -> calendars.calendar().map(calendar -> {
            List<String> missing = new ArrayList<>();
            for (int year : years) {
                if (!fees.hasMrp(year)) {
                    missing.add("MRP " + year);
                }
                if (!calendar.isOfficial(year)) {
                    missing.add("calendar " + year);
                }
            }
            return missing;
        }));
    }

    /** Reads the schedule again on the next quote: a published MRP takes effect at once on this instance. */
    public void forget() {
        schedule.forget();
    }

    /** The fee of the tier on the date; FEE_NOT_PUBLISHED when it is a share of a year's MRP not published yet. */
    public Uni<Quote> quote(Tier tier, LocalDate date) {
        return schedule.get().chain(fees -> {
            FeeSchedule.Fee fee = fees.fee(tier, date.getYear())
                    .orElseThrow(() -> new ApiException(ErrorCode.FEE_NOT_PUBLISHED, String.valueOf(date.getYear()))
                            .with("year", date.getYear()));
            return readyOn(fees, tier, date).map(ready -> new Quote(fee, date, ready.date(), ready.estimated()));
        });
    }

    /** One tier at a point: available when the point offers it and its fee is published; else why not. */
    public record TierOption(Tier tier, FeeSchedule.Fee fee, ReadyOn readyOn, String unavailableBecause) {
        public boolean available() {
            return unavailableBecause == null;
        }
    }

    /** Every tier with its fee and ready-on date, and the cheapest available one ready by {@code neededBy}. */
    public record Advice(List<TierOption> options, Tier recommended, String noRecommendationBecause) {
    }

    /**
     * The fee calculator's choice (docs/product.md R3): of the tiers the point offers whose fee is
     * published, the cheapest whose card is ready on or before {@code neededBy} (any, when it is
     * null); none, with the reason, when no tier makes it.
     */
    public Uni<Advice> advise(Set<Tier> offered, LocalDate date, LocalDate neededBy) {
        return schedule.get().chain(fees -> calendars.calendar().map(calendar -> {
            List<TierOption> options = new ArrayList<>();
            for (Tier tier : Tier.values()) {
                LocalDate ready = calendar.nthWorkingDayAfter(date, fees.workingDays(tier));
                ReadyOn readyOn = new ReadyOn(ready, calendar.isEstimate(date, ready));
                FeeSchedule.Fee fee = fees.fee(tier, date.getYear()).orElse(null);
                String unavailable = !offered.contains(tier) ? "TIER_NOT_OFFERED" : fee == null ? "FEE_NOT_PUBLISHED" : null;
                options.add(new TierOption(tier, fee, readyOn, unavailable));
            }
            List<TierOption> available = options.stream().filter(TierOption::available).toList();
            if (available.isEmpty()) {
                return new Advice(options, null, "NO_TIER_AVAILABLE");
            }
            return available.stream()
                    .filter(option -> neededBy == null || !option.readyOn().date().isAfter(neededBy))
                    .min(Comparator.comparing((TierOption option) -> option.fee().amount()).thenComparing(o -> o.readyOn().date()))
                    .map(best -> new Advice(options, best.tier(), null))
                    .orElseGet(() -> new Advice(options, null, "NO_TIER_READY_IN_TIME"));
        }));
    }

    /**
     * The ready-on date of a tier applied for on the date. It needs no MRP, so nothing after the
     * money moved (submission) can fail for a figure not published yet.
     */
    public Uni<ReadyOn> readyOn(Tier tier, LocalDate date) {
        return schedule.get().chain(fees -> readyOn(fees, tier, date));
    }

    private Uni<ReadyOn> readyOn(FeeSchedule fees, Tier tier, LocalDate date) {
        return calendars.calendar().map(calendar -> {
            LocalDate ready = calendar.nthWorkingDayAfter(date, fees.workingDays(tier));
            return new ReadyOn(ready, calendar.isEstimate(date, ready));
        });
    }
}
