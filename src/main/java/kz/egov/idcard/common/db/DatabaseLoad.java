package kz.egov.idcard.common.db;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How long requests have lately waited for a pooled database connection: the first sign that the
 * service is saturated, since every step of a journey needs the database. A burst that the pool
 * absorbs in a few milliseconds hardly moves it; a standing queue does. Kept by the pool
 * ({@link BoundedWaitPool}), read by admission control (common/web/Admission).
 */
@Singleton
public class DatabaseLoad {

    /** Waits older than this say nothing about now. */
    private static final long STALE_NANOS = Duration.ofSeconds(1).toNanos();

    private final AtomicInteger waiting = new AtomicInteger();
    /** Moving average of the last waits (each new one counts for an eighth), in nanoseconds. */
    private final AtomicLong averageWait = new AtomicLong();
    private volatile long lastWaitEndedAt = System.nanoTime() - STALE_NANOS;

    /** Requests waiting for a connection right now. */
    public int waiting() {
        return waiting.get();
    }

    /** The recent wait for a connection; zero when nothing waited in the last second. */
    public Duration recentWait() {
        if (System.nanoTime() - lastWaitEndedAt > STALE_NANOS) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(averageWait.get());
    }

    void startWaiting() {
        waiting.incrementAndGet();
    }

    void stopWaiting(long waitedNanos) {
        waiting.decrementAndGet();
        averageWait.getAndUpdate(average -> average + (waitedNanos - average) / 8);
        lastWaitEndedAt = System.nanoTime();
    }
}
