package kz.egov.idcard.common.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import kz.egov.idcard.common.db.DatabaseLoad;
import kz.egov.idcard.common.error.ErrorCode;

/**
 * Admission control: when the service is saturated, new journeys are refused at their first step
 * (asking for a login code, starting an application) with 503 SERVICE_BUSY and Retry-After, before
 * any work is done, so that the citizens already on their way keep the capacity to finish. A
 * journey refused at the door costs nothing and can come back; one that fails after payment is
 * the failure that matters.
 *
 * <p>Saturated means a standing queue for database connections (every step needs one): at least
 * {@code idcard.admission.door-closes-at-waiting} requests wait now and they have lately waited
 * {@code idcard.admission.door-closes-at-wait} or longer on average. A burst the pool absorbs in
 * milliseconds, or the first connections opened after a start, do not close it. Or: more requests
 * are in flight than {@code idcard.admission.max-in-flight}.
 * The login door closes first; a citizen already logged in is refused a new application only at
 * four times that wait, so that a journey let in at login is hardly ever stopped at its
 * application. A wait of zero closes both doors: no new journey at all (before maintenance, say).
 */
@Singleton
public class Admission {

    @ConfigMapping(prefix = "idcard.admission")
    public interface AdmissionConfig {
        /** Off: every request is let in, however busy the service is. */
        @WithDefault("true")
        boolean enabled();

        /** With {@link #doorClosesAtWait()}: new journeys are refused while this many requests (or more) wait for a connection. */
        @WithDefault("4")
        int doorClosesAtWaiting();

        /**
         * With {@link #doorClosesAtWaiting()}: new journeys are refused while requests have lately waited this
         * long or longer, on average, for a database connection; new applications of logged-in citizens at four
         * times as long. Zero refuses every new journey.
         */
        @WithDefault("PT0.1S")
        Duration doorClosesAtWait();

        /** New journeys are refused while more requests than this are being answered. */
        @WithDefault("200")
        int maxInFlight();

        /** The Retry-After of a refusal at the door. */
        @WithDefault("PT30S")
        Duration retryAfter();
    }

    /** The first step of a journey: asking for a login code. */
    static final String LOGIN = "/api/v1/auth/otp";
    /** The first step of an application, for a citizen already logged in. */
    static final String NEW_APPLICATION = "/api/v1/applications";

    private final AtomicInteger inFlight = new AtomicInteger();

    void register(@Observes Filters filters, AdmissionConfig config, DatabaseLoad database, UnknownRouteHandler problems,
            MeterRegistry registry) {
        if (!config.enabled()) {
            return;
        }
        Counter refused = Counter.builder("idcard.admission.refused")
                .description("New journeys refused at their first step because the service was saturated").register(registry);
        long retryAfter = Math.max(1, config.retryAfter().toSeconds());
        filters.register(rc -> {
            String path = rc.request().path();
            Duration closesAt = rc.request().method() != HttpMethod.POST ? null
                    : LOGIN.equals(path) ? config.doorClosesAtWait()
                    : NEW_APPLICATION.equals(path) ? config.doorClosesAtWait().multipliedBy(4) : null;
            boolean saturated = closesAt != null && (config.doorClosesAtWait().isZero()
                    || database.waiting() >= config.doorClosesAtWaiting() && database.recentWait().compareTo(closesAt) >= 0
                    || inFlight.get() >= config.maxInFlight());
            if (saturated) {
                refused.increment();
                problems.send(rc, ErrorCode.SERVICE_BUSY, retryAfter);
                return;
            }
            inFlight.incrementAndGet();
            rc.addEndHandler(ended -> inFlight.decrementAndGet());
            rc.next();
        }, 1000);
    }

    /** Requests being answered now. */
    public int inFlight() {
        return inFlight.get();
    }
}
