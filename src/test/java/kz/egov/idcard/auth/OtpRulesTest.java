package kz.egov.idcard.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.egov.idcard.auth.OtpRules.Verdict;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import org.junit.jupiter.api.Test;

class OtpRulesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 21, 10, 0, 0, 0, ZoneOffset.ofHours(5));

    private final OtpRules rules = new OtpRules(new Config());

    @Test
    void allowsTheFirstCode() {
        rules.checkRequest(List.of(), List.of(), NOW);
    }

    @Test
    void refusesAnotherCodeDuringTheCooldownWithTheSecondsLeft() {
        List<OtpChallenge> sent = List.of(challenge(NOW.minusSeconds(20), OtpChallenge.Status.SENT));
        assertThatThrownBy(() -> rules.checkRequest(sent, sent, NOW))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.OTP_RESEND_COOLDOWN);
                    assertThat(e.retryAfterSeconds()).isEqualTo(40);
                });
    }

    @Test
    void allowsAnotherCodeOnceTheCooldownHasPassed() {
        List<OtpChallenge> sent = List.of(challenge(NOW.minusSeconds(60), OtpChallenge.Status.SENT));
        rules.checkRequest(sent, sent, NOW);
    }

    @Test
    void aRefusedRequestStartsNoCooldown() {
        List<OtpChallenge> refused = List.of(challenge(NOW.minusSeconds(5), OtpChallenge.Status.REFUSED));
        rules.checkRequest(refused, refused, NOW);
    }

    @Test
    void aCodeUsedToLogInStartsNoCooldownSoALostLoginCanStartAgainAtOnce() {
        List<OtpChallenge> used = List.of(challenge(NOW.minusSeconds(5), OtpChallenge.Status.VERIFIED));
        rules.checkRequest(used, used, NOW);
    }

    @Test
    void refusesTheSixthRequestForAPhoneWithinAnHourUntilTheOldestAgesOut() {
        List<OtpChallenge> five = new ArrayList<>();
        for (int minutes = 50; minutes >= 10; minutes -= 10) {
            five.add(challenge(NOW.minusMinutes(minutes), OtpChallenge.Status.VERIFIED));
        }
        assertThatThrownBy(() -> rules.checkRequest(five, List.of(), NOW))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.OTP_RATE_LIMITED);
                    assertThat(e.retryAfterSeconds()).isEqualTo(Duration.ofMinutes(10).toSeconds());
                });
    }

    @Test
    void countsRefusedRequestsTowardsTheIinLimit() {
        List<OtpChallenge> ten = new ArrayList<>();
        for (int i = 10; i >= 1; i--) {
            ten.add(challenge(NOW.minusMinutes(i * 5L), OtpChallenge.Status.REFUSED));
        }
        assertThatThrownBy(() -> rules.checkRequest(List.of(), ten, NOW))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OTP_RATE_LIMITED));
        rules.checkRequest(List.of(), ten.subList(1, 10), NOW);
    }

    @Test
    void theRightCodeVerifiesOnce() {
        OtpChallenge challenge = challenge(NOW.minusMinutes(1), OtpChallenge.Status.SENT);
        assertThat(rules.judge(challenge, true, NOW)).isEqualTo(Verdict.VERIFIED);
        assertThat(challenge.verifiedAt).isEqualTo(NOW);
        assertThat(rules.judge(challenge, true, NOW)).isEqualTo(Verdict.ALREADY_USED);
    }

    @Test
    void theThirdWrongCodeLocksTheChallengeAndTheRightOneNoLongerHelps() {
        OtpChallenge challenge = challenge(NOW.minusMinutes(1), OtpChallenge.Status.SENT);
        assertThat(rules.judge(challenge, false, NOW)).isEqualTo(Verdict.WRONG);
        assertThat(rules.attemptsLeft(challenge)).isEqualTo(2);
        assertThat(rules.judge(challenge, false, NOW)).isEqualTo(Verdict.WRONG);
        assertThat(rules.attemptsLeft(challenge)).isEqualTo(1);
        assertThat(rules.judge(challenge, false, NOW)).isEqualTo(Verdict.JUST_LOCKED);
        assertThat(rules.judge(challenge, true, NOW)).isEqualTo(Verdict.LOCKED);
    }

    @Test
    void aCodeIsDeadFromTheMomentItExpires() {
        OtpChallenge challenge = challenge(NOW.minusMinutes(5), OtpChallenge.Status.SENT);
        assertThat(rules.judge(challenge, true, NOW)).isEqualTo(Verdict.EXPIRED);
        OtpChallenge fresh = challenge(NOW.minusMinutes(5).plusNanos(1_000_000), OtpChallenge.Status.SENT);
        assertThat(rules.judge(fresh, true, NOW)).isEqualTo(Verdict.VERIFIED);
    }

    @Test
    void aRequestThatSentNothingCannotBeVerified() {
        assertThat(rules.judge(challenge(NOW, OtpChallenge.Status.REFUSED), true, NOW)).isEqualTo(Verdict.NOT_FOUND);
        assertThat(rules.judge(null, true, NOW)).isEqualTo(Verdict.NOT_FOUND);
    }

    private static OtpChallenge challenge(OffsetDateTime createdAt, OtpChallenge.Status status) {
        OtpChallenge challenge = new OtpChallenge();
        challenge.id = UUID.randomUUID();
        challenge.status = status;
        challenge.createdAt = createdAt;
        challenge.expiresAt = createdAt.plusMinutes(5);
        challenge.resendAvailableAt = createdAt.plusSeconds(60);
        return challenge;
    }

    private static final class Config implements OtpConfig {
        public Duration ttl() { return Duration.ofMinutes(5); }
        public Duration resendCooldown() { return Duration.ofSeconds(60); }
        public int maxAttempts() { return 3; }
        public int perPhonePerHour() { return 5; }
        public int perIinPerHour() { return 10; }
        public Optional<String> hashKey() { return Optional.empty(); }
    }
}
