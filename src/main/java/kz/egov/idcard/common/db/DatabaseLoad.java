package kz.egov.idcard.common.db;

import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many requests are waiting for a pooled database connection right now: the first sign that
 * the service is saturated, since every step of a journey needs the database. Kept by the pool
 * ({@link BoundedWaitPool}), read by admission control (common/web/Admission).
 */
@Singleton
public class DatabaseLoad {

    private final AtomicInteger waiting = new AtomicInteger();

    public int waiting() {
        return waiting.get();
    }

    void startWaiting() {
        waiting.incrementAndGet();
    }

    void stopWaiting() {
        waiting.decrementAndGet();
    }
}
