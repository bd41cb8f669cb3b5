package kz.egov.idcard.common.web;

/**
 * How many new journeys a second the login door lets in, adapted to what the service manages
 * (additive increase, multiplicative decrease, as TCP does with its window).
 *
 * <p>A door that only looks at the database queue right now lets in too much: a journey let in at
 * login comes back a dozen times over the next seconds, so the queue it will make is not there
 * yet when the door opens, and the door swings open whenever the queue drains for a moment. Here
 * the door remembers: while the service is saturated the rate falls to seven tenths of what was
 * let in lately, every {@code adjustEveryNanos}; while it is calm the rate grows by a twentieth
 * (at least one journey a second) for each such period. Between the two it stays. The rate never falls below
 * {@code floor}, so a few journeys always start and the measure of calm keeps coming.
 *
 * <p>Times are the caller's {@link System#nanoTime()}, so that tests can move them.
 */
final class JourneyRate {

    private final double floor;
    private final double ceiling;
    private final long adjustEveryNanos;

    private double rate;
    private double tokens;
    private long refilledAt;
    private long adjustedAt;
    private int admittedSinceAdjusted;

    JourneyRate(double floor, double ceiling, long adjustEveryNanos, long now) {
        this.floor = floor;
        this.ceiling = ceiling;
        this.adjustEveryNanos = adjustEveryNanos;
        this.rate = ceiling;
        this.tokens = Math.max(1, ceiling * adjustEveryNanos / 1e9);
        this.refilledAt = now;
        this.adjustedAt = now;
    }

    /**
     * Whether one more journey may start now. {@code saturated} and {@code calm} describe the
     * service now (both false: neither, the rate stays).
     */
    synchronized boolean tryAdmit(long now, boolean saturated, boolean calm) {
        adjust(now, saturated, calm);
        // A quarter of a second's worth may start at once; more waits for the next.
        double burst = Math.max(1, rate * adjustEveryNanos / 1e9);
        tokens = Math.min(burst, tokens + rate * (now - refilledAt) / 1e9);
        refilledAt = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        admittedSinceAdjusted++;
        return true;
    }

    /** Adapts the rate to the service's state without letting anyone in (the door is shut for another reason). */
    synchronized void adjust(long now, boolean saturated, boolean calm) {
        long sinceAdjusted = now - adjustedAt;
        if (sinceAdjusted >= adjustEveryNanos) {
            if (saturated) {
                // What was let in lately, if "lately" is recent enough to say (no login for a while says nothing).
                double lately = sinceAdjusted <= 2 * adjustEveryNanos ? admittedSinceAdjusted * 1e9 / sinceAdjusted : rate;
                rate = Math.max(floor, Math.min(rate, lately) * 0.7);
            } else if (calm) {
                // One step for each period that passed: calm without logins counts as calm too.
                for (long periods = sinceAdjusted / adjustEveryNanos; periods > 0 && rate < ceiling; periods--) {
                    rate = Math.min(ceiling, rate + Math.max(1, rate / 20));
                }
            }
            adjustedAt = now;
            admittedSinceAdjusted = 0;
        }
    }

    /** New journeys a second let in now. */
    synchronized double rate() {
        return rate;
    }
}
