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
    void aCalmServiceLetsEveryoneIn() {
        JourneyRate rate = new JourneyRate(1, 1000, ADJUST_EVERY, 0);
        assertThat(offer(rate, 0, 10_000, false, true)).isEqualTo(1000);
        assertThat(rate.rate()).isEqualTo(1000);
    }

    @Test
    void whileSaturatedTheRateFallsBelowWhatWasLetInAndStaysAboveTheFloor() {
        JourneyRate rate = new JourneyRate(2, 1000, ADJUST_EVERY, 0);
        offer(rate, 0, 1000, false, true);
        // Saturated: within a second the door lets in less than the hundred a second that arrive...
        offer(rate, 1000 * MS, 1000, true, false);
        assertThat(rate.rate()).isLessThan(100);
        int next = offer(rate, 2000 * MS, 1000, true, false);
        assertThat(next).isLessThan(50);
        // ...and after a long saturation it lets in its floor, not nothing.
        offer(rate, 3000 * MS, 10_000, true, false);
        assertThat(rate.rate()).isEqualTo(2);
        assertThat(offer(rate, 13_000 * MS, 5000, true, false)).isBetween(8, 12);
    }

    @Test
    void neitherSaturatedNorCalmKeepsTheRate() {
        JourneyRate rate = new JourneyRate(1, 1000, ADJUST_EVERY, 0);
        offer(rate, 0, 1000, false, true);
        offer(rate, 1000 * MS, 1000, true, false);
        double reached = rate.rate();
        offer(rate, 2000 * MS, 5000, false, false);
        assertThat(rate.rate()).isEqualTo(reached);
    }

    @Test
    void whenCalmAgainTheRateGrowsBackStepByStep() {
        JourneyRate rate = new JourneyRate(1, 1000, ADJUST_EVERY, 0);
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
    void calmWithoutLoginsCountsAsCalm() {
        JourneyRate rate = new JourneyRate(1, 1000, ADJUST_EVERY, 0);
        offer(rate, 0, 1000, false, true);
        offer(rate, 1000 * MS, 20_000, true, false);
        assertThat(rate.rate()).isEqualTo(1);
        // A minute without a single login, then one: the door is as open as if logins had come all along.
        assertThat(rate.tryAdmit(81_000 * MS, false, true)).isTrue();
        assertThat(rate.rate()).isEqualTo(1000);
    }

    @Test
    void adjustingWithoutAdmittingStillLowersTheRate() {
        JourneyRate rate = new JourneyRate(1, 1000, ADJUST_EVERY, 0);
        offer(rate, 0, 1000, false, true);
        for (long t = 1000 * MS; t < 3000 * MS; t += 10 * MS) {
            rate.adjust(t, true, false);
        }
        assertThat(rate.rate()).isLessThan(100);
    }
}
