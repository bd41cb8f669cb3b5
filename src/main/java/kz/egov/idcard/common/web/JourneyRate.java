package kz.egov.idcard.common.web;

/**
 * How many new journeys a second the login door lets in, adapted to what the service manages (as
 * TCP adapts its window: a slow start, multiplicative decrease).
 *
 * <p>A door that only looks at the database queue right now lets in too much: a journey let in at
 * login comes back a dozen times over the next seconds, so the queue it will make is not there
 * yet when the door opens, and the door swings open whenever the queue drains for a moment. Here
 * the door remembers: while the service is saturated the rate falls to seven tenths of what was
 * let in lately, every {@code adjustEveryNanos}; while it is calm it grows by a quarter (at least
 * one journey a second) for each such period, but never beyond twice what was let in lately, or
 * {@code untried} when little was: a rate that was never used has not been shown to be served.
 * Between calm and saturated it stays. It never falls below {@code floor}, so a few journeys
 * always start and the measure of calm keeps coming.
 *
 * <p>Times are the caller's {@link System#nanoTime()}, so that tests can move them.
 */
final class JourneyRate {

    private final double floor;
    private final double untried;
    private final double ceiling;
    private final long adjustEveryNanos;

    private double rate;
    private double tokens;
    private long refilledAt;
    private long adjustedAt;
    private int admittedSinceAdjusted;

    JourneyRate(double floor, double untried, double ceiling, long adjustEveryNanos, long now) {
        this.floor = floor;
        this.untried = Math.max(floor, Math.min(untried, ceiling));
        this.ceiling = ceiling;
        this.adjustEveryNanos = adjustEveryNanos;
        this.rate = this.untried;
        this.tokens = Math.max(1, this.untried * adjustEveryNanos / 1e9);
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
                // Up to twice what was let in lately: over a long quiet spell that is little, and the door
                // opens at its untried rate again.
                double used = Math.max(untried, 2 * admittedSinceAdjusted * 1e9 / sinceAdjusted);
                for (long periods = sinceAdjusted / adjustEveryNanos; periods > 0 && rate < ceiling; periods--) {
                    rate = Math.min(ceiling, Math.max(rate + 1, rate * 1.25));
                }
                rate = Math.max(floor, Math.min(rate, used));
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
