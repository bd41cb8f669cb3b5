package kz.egov.idcard.common.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import kz.egov.idcard.common.db.DatabaseLoad;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.security.Roles;

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
 * four times that wait, and not at all while their login is recent ({@code journey-lasts}, read
 * from the token's {@code auth_time}): a journey let in at login is not stopped at its
 * application. A wait of zero closes both doors: no new journey at all (before maintenance, say).
 *
 * <p>The login door also keeps a rate of new journeys ({@link JourneyRate}): it falls while the
 * service is saturated and grows back while it is calm (lately waited less than half the door's
 * wait), never beyond twice what was let in lately, so that the journeys let in are those the
 * service can finish, and the door does not swing open each time the queue drains for a moment.
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

        /** New journeys a second the login door lets in at most, when the service is calm. */
        @WithDefault("1000")
        double maxJourneysPerSecond();

        /**
         * New journeys a second the login door lets in when it has not been tried (after a start or a quiet
         * spell): it grows from there while the service stays calm, up to twice what was let in lately.
         */
        @WithDefault("20")
        double untriedJourneysPerSecond();

        /** New journeys a second the login door lets in at least, however saturated the service. */
        @WithDefault("1")
        double minJourneysPerSecond();

        /** How often the rate of new journeys is adapted to the service's load. */
        @WithDefault("PT0.25S")
        Duration adjustEvery();

        /**
         * A citizen whose login session began less than this long ago is on a journey the login door let in:
         * their new application is not refused for the queue (only when the service takes no new journey at all).
         */
        @WithDefault("PT30M")
        Duration journeyLasts();

        /** The Retry-After of a refusal at the door. */
        @WithDefault("PT30S")
        Duration retryAfter();
    }

    /** The first step of a journey: asking for a login code. */
    static final String LOGIN = "/api/v1/auth/otp";
    /** The first step of an application, for a citizen already logged in. */
    static final String NEW_APPLICATION = "/api/v1/applications";

    private static final ObjectMapper CLAIMS = new ObjectMapper();

    private final AtomicInteger inFlight = new AtomicInteger();

    void register(@Observes Filters filters, AdmissionConfig config, DatabaseLoad database, UnknownRouteHandler problems,
            MeterRegistry registry, Clock clock) {
        if (!config.enabled()) {
            return;
        }
        Counter refused = Counter.builder("idcard.admission.refused")
                .description("New journeys refused at their first step because the service was saturated").register(registry);
        long retryAfter = Math.max(1, config.retryAfter().toSeconds());
        Duration calmBelow = config.doorClosesAtWait().dividedBy(2);
        JourneyRate journeys = new JourneyRate(config.minJourneysPerSecond(), config.untriedJourneysPerSecond(),
                config.maxJourneysPerSecond(),
                config.adjustEvery().toNanos(), System.nanoTime());
        filters.register(rc -> {
            String path = rc.request().path();
            boolean login = rc.request().method() == HttpMethod.POST && LOGIN.equals(path);
            Duration closesAt = rc.request().method() != HttpMethod.POST ? null
                    : login ? config.doorClosesAtWait()
                    : NEW_APPLICATION.equals(path) ? config.doorClosesAtWait().multipliedBy(4) : null;
            Duration recentWait = database.recentWait();
            boolean queue = closesAt != null && database.waiting() >= config.doorClosesAtWaiting()
                    && recentWait.compareTo(closesAt) >= 0
                    && (login || !onJourney(rc.request().getHeader(HttpHeaders.AUTHORIZATION), clock, config.journeyLasts()));
            boolean saturated = closesAt != null && (config.doorClosesAtWait().isZero() || queue
                    || inFlight.get() >= config.maxInFlight());
            if (login) {
                boolean calm = recentWait.compareTo(calmBelow) < 0;
                if (saturated) {
                    journeys.adjust(System.nanoTime(), queue, calm);
                } else {
                    saturated = !journeys.tryAdmit(System.nanoTime(), queue, calm);
                }
            }
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

    /**
     * Whether the bearer token says its citizen logged in less than {@code lasts} ago (its
     * {@code auth_time}). The token is not verified here: a forged one gets past this door only to
     * be refused 401 by the next, having cost nothing.
     */
    static boolean onJourney(String authorization, Clock clock, Duration lasts) {
        long authTime = authTime(authorization);
        return authTime > 0 && clock.instant().getEpochSecond() - authTime <= lasts.toSeconds();
    }

    /** The {@code auth_time} claim of a bearer token, unverified; 0 when there is none. */
    static long authTime(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return 0;
        }
        String[] parts = authorization.substring(7).strip().split("\\.", -1);
        if (parts.length != 3) {
            return 0;
        }
        try {
            JsonNode claims = CLAIMS.readTree(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode authTime = claims.get(Roles.AUTH_TIME_CLAIM);
            return authTime != null && authTime.canConvertToLong() ? authTime.asLong() : 0;
        } catch (IllegalArgumentException | IOException notAToken) {
            return 0;
        }
    }

    /** Requests being answered now. */
    public int inFlight() {
        return inFlight.get();
    }
}
