package kz.egov.idcard.fees;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import io.smallrye.health.api.Wellness;
import org.jboss.logging.Logger;

/**
 * Warns the people who run the service in time when reference data is missing (docs/operations.md,
 * Reference data): the MRP and the official working-day calendar of the current year, and from
 * {@code idcard.reference-data.warn-from} (1 November) on, of the next one. Three ways: the health
 * check {@code reference-data} (a wellness check in /q/health, never in readiness or liveness, so
 * it never takes the service out of rotation), a gauge {@code idcard_reference_data_missing} per
 * item, and a warning in the log once a day while anything is missing.
 */
@Wellness
@ApplicationScoped
public class ReferenceDataWatch implements AsyncHealthCheck {

    private static final Logger LOG = Logger.getLogger(ReferenceDataWatch.class);

    @ConfigMapping(prefix = "idcard.reference-data")
    public interface ReferenceDataConfig {
        /** From this day of the year (MM-DD) next year's MRP and calendar are looked for too. */
        @WithDefault("11-01")
        String warnFrom();

        /** How often the gauges and the daily log warning are brought up to date ({@code off} disables). */
        @WithDefault("1h")
        String checkEvery();
    }

    private final FeeService fees;
    private final MeterRegistry registry;
    private final MonthDay warnFrom;
    private final Clock clock;
    private final Map<String, AtomicInteger> gauges = new ConcurrentHashMap<>();
    private final AtomicReference<LocalDate> lastWarned = new AtomicReference<>();

    public ReferenceDataWatch(FeeService fees, MeterRegistry registry, ReferenceDataConfig config, Clock clock) {
        this.fees = fees;
        this.registry = registry;
        this.warnFrom = MonthDay.parse("--" + config.warnFrom().strip());
        this.clock = clock;
    }

    /** What is missing today: the current year's, and from warn-from on, the next year's. */
    public Uni<List<String>> missing() {
        LocalDate today = LocalDate.now(clock);
        List<Integer> years = new ArrayList<>(List.of(today.getYear()));
        if (!MonthDay.from(today).isBefore(warnFrom)) {
            years.add(today.getYear() + 1);
        }
        return fees.missing(years);
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return missing().invoke(this::gauge).map(missing -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named("reference-data").status(missing.isEmpty());
            if (!missing.isEmpty()) {
                response.withData("missing", String.join(", ", missing));
            }
            return response.build();
        });
    }

    @Scheduled(every = "${idcard.reference-data.check-every:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        return missing().invoke(this::gauge).invoke(this::warnOnceADay).replaceWithVoid();
    }

    private void gauge(List<String> missing) {
        missing.forEach(item -> gauges.computeIfAbsent(item, this::register));
        gauges.forEach((item, value) -> value.set(missing.contains(item) ? 1 : 0));
    }

    private AtomicInteger register(String item) {
        AtomicInteger value = new AtomicInteger();
        Gauge.builder("idcard.reference_data.missing", value, AtomicInteger::get)
                .description("1 while this reference data is missing (the MRP or the official calendar of a year)")
                .tag("item", item).register(registry);
        return value;
    }

    private void warnOnceADay(List<String> missing) {
        LocalDate today = LocalDate.now(clock);
        if (!missing.isEmpty() && !today.equals(lastWarned.getAndSet(today))) {
            LOG.warnf("Reference data missing: %s. Publish it under /api/v1/admin (docs/operations.md, Reference data)",
                    String.join(", ", missing));
        } else if (missing.isEmpty()) {
            lastWarned.set(null);
        }
    }
}
