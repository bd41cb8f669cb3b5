package kz.egov.idcard.common.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is sane, a fresh UUID
 * otherwise. It is echoed on the response, put in every log line (MDC) and in every problem.
 */
@Singleton
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String id = rc.request().getHeader(HEADER);
            if (id == null || !SANE.matcher(id).matches()) {
                id = fresh();
                rc.request().headers().set(HEADER, id);
            }
            rc.response().putHeader(HEADER, id);
            MDC.put(MDC_KEY, id);
            rc.next();
        }, 1000);
    }

    /**
     * A random (version 4) UUID from the thread's own generator. An id only has to be unique, not
     * unguessable: {@code UUID.randomUUID()} draws from the shared SecureRandom, whose lock and
     * {@code /dev/urandom} reads were 2 % of a status read's CPU samples (bench/results/report.md).
     */
    static String fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
