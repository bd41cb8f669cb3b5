package kz.egov.idcard.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The login door's rate of new journeys, on a clock the test moves (one call every 10 ms: 100 arrivals a second). */
class JourneyRateTest {

    private static final long MS = 1_000_000L;
    private static final long ADJUST_EVERY = 250 * MS;

    /** Arrivals every 10 ms from {@code from} for {@code millis}; returns how many were let in. */
    private static int offer(JourneyRate rate, long from, long millis, boolean saturated, boolean calm) {
        int admitted = 0;
        for (long t = from; t < from + millis * MS; t += 10 * MS) {
            if (rate.tryAdmit(t, saturated, calm)) {
                admitted++;
            }
        }
        return admitted;
    }

    @Test
    void aCalmServiceOpensStepByStepToWhatArrivesButNotFurther() {
        JourneyRate rate = new JourneyRate(1, 20, 1000, ADJUST_EVERY, 0);
        // Untried, the door starts at 20 a second and grows by a quarter each period while calm...
        assertThat(offer(rate, 0, 1000, false, true)).isBetween(20, 99);
        // ...until everyone who comes is let in...
        offer(rate, 1000 * MS, 2000, false, true);
        assertThat(offer(rate, 3000 * MS, 1000, false, true)).isEqualTo(100);
        // ...and no further than twice what comes: a rate never used has not been shown to be served.
        offer(rate, 4000 * MS, 10_000, false, true);
        assertThat(rate.rate()).isBetween(100.0, 200.0);
    }

    @Test
    void whileSaturatedTheRateFallsBelowWhatWasLetInAndStaysAboveTheFloor() {
        JourneyRate rate = new JourneyRate(2, 20, 1000, ADJUST_EVERY, 0);
        offer(rate, 0, 3000, false, true);
        assertThat(rate.rate()).isGreaterThanOrEqualTo(100);
        // Saturated: within a second the door lets in less than the hundred a second that arrive...
        offer(rate, 3000 * MS, 1000, true, false);
        assertThat(rate.rate()).isLessThan(100);
        int next = offer(rate, 4000 * MS, 1000, true, false);
        assertThat(next).isLessThan(50);
        // ...and after a long saturation it lets in its floor, not nothing.
        offer(rate, 5000 * MS, 10_000, true, false);
        assertThat(rate.rate()).isEqualTo(2);
        assertThat(offer(rate, 15_000 * MS, 5000, true, false)).isBetween(8, 12);
    }

    @Test
    void neitherSaturatedNorCalmKeepsTheRate() {
        JourneyRate rate = new JourneyRate(1, 20, 1000, ADJUST_EVERY, 0);
        offer(rate, 0, 1000, false, true);
        offer(rate, 1000 * MS, 1000, true, false);
        double reached = rate.rate();
        offer(rate, 2000 * MS, 5000, false, false);
        assertThat(rate.rate()).isEqualTo(reached);
    }

    @Test
    void whenCalmAgainTheRateGrowsBackStepByStep() {
        JourneyRate rate = new JourneyRate(1, 20, 1000, ADJUST_EVERY, 0);
        offer(rate, 0, 1000, false, true);
        offer(rate, 1000 * MS, 20_000, true, false);
        assertThat(rate.rate()).isEqualTo(1);
        offer(rate, 21_000 * MS, 1000, false, true);
        double afterOneSecond = rate.rate();
        assertThat(afterOneSecond).isBetween(4.0, 6.0);
        offer(rate, 22_000 * MS, 60_000, false, true);
        assertThat(rate.rate()).isGreaterThan(100);
        assertThat(offer(rate, 82_000 * MS, 1000, false, true)).isEqualTo(100);
    }

    @Test
    void afterAQuietSpellTheDoorOpensAtItsUntriedRate() {
        JourneyRate rate = new JourneyRate(1, 20, 1000, ADJUST_EVERY, 0);
        offer(rate, 0, 1000, false, true);
        offer(rate, 1000 * MS, 20_000, true, false);
        assertThat(rate.rate()).isEqualTo(1);
        // A minute without a single login, then one: let in, and the door stands at its untried rate.
        assertThat(rate.tryAdmit(81_000 * MS, false, true)).isTrue();
        assertThat(rate.rate()).isEqualTo(20);
    }

    @Test
    void adjustingWithoutAdmittingStillLowersTheRate() {
        JourneyRate rate = new JourneyRate(1, 20, 1000, ADJUST_EVERY, 0);
        offer(rate, 0, 1000, false, true);
        for (long t = 1000 * MS; t < 3000 * MS; t += 10 * MS) {
            rate.adjust(t, true, false);
        }
        assertThat(rate.rate()).isLessThan(100);
    }
}
