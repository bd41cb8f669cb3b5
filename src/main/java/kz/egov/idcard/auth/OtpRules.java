package kz.egov.idcard.auth;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;

/** The one-time code rules of docs/product.md, Security and data, free of storage so that they can be checked with a fixed clock. */
public final class OtpRules {

    static final Duration WINDOW = Duration.ofHours(1);

    private final OtpConfig config;

    public OtpRules(OtpConfig config) {
        this.config = config;
    }

    /**
     * Refuses a new code while the phone cools down from the last code that went out, or when the
     * last hour already holds the allowed number of requests for the phone or the IIN. A code that
     * was used to log in starts no cooldown: whoever used it holds the phone, and a login whose
     * answer was lost (a dropped connection, a crash) must be able to start again at once.
     *
     * @param byPhone this phone's requests of the last hour, oldest first
     * @param byIin this IIN's requests of the last hour, oldest first
     */
    public void checkRequest(List<OtpChallenge> byPhone, List<OtpChallenge> byIin, OffsetDateTime now) {
        OffsetDateTime resendAt = byPhone.stream()
                .filter(c -> c.status != OtpChallenge.Status.REFUSED && c.status != OtpChallenge.Status.SEND_FAILED
                        && c.status != OtpChallenge.Status.VERIFIED)
                .map(c -> c.resendAvailableAt)
                .max(OffsetDateTime::compareTo).orElse(null);
        if (resendAt != null && resendAt.isAfter(now)) {
            throw new ApiException(ErrorCode.OTP_RESEND_COOLDOWN).retryAfter(secondsUntil(now, resendAt));
        }
        checkWindow(byPhone, config.perPhonePerHour(), now);
        checkWindow(byIin, config.perIinPerHour(), now);
    }

    /** What a code given for a challenge means; the caller stores the changed challenge. */
    public Verdict judge(OtpChallenge challenge, boolean codeMatches, OffsetDateTime now) {
        if (challenge == null || challenge.status == OtpChallenge.Status.REFUSED
                || challenge.status == OtpChallenge.Status.SEND_FAILED) {
            return Verdict.NOT_FOUND;
        }
        if (challenge.status == OtpChallenge.Status.VERIFIED) {
            return Verdict.ALREADY_USED;
        }
        if (challenge.status == OtpChallenge.Status.LOCKED) {
            return Verdict.LOCKED;
        }
        if (!challenge.expiresAt.isAfter(now)) {
            return Verdict.EXPIRED;
        }
        if (!codeMatches) {
            challenge.failedAttempts++;
            if (attemptsLeft(challenge) == 0) {
                challenge.status = OtpChallenge.Status.LOCKED;
                return Verdict.JUST_LOCKED;
            }
            return Verdict.WRONG;
        }
        challenge.status = OtpChallenge.Status.VERIFIED;
        challenge.verifiedAt = now;
        return Verdict.VERIFIED;
    }

    public int attemptsLeft(OtpChallenge challenge) {
        return Math.max(0, config.maxAttempts() - challenge.failedAttempts);
    }

    public enum Verdict {
        VERIFIED,
        WRONG,
        JUST_LOCKED,
        LOCKED,
        EXPIRED,
        ALREADY_USED,
        NOT_FOUND
    }

    /** The window frees a place when its oldest surplus request turns an hour old. */
    private static void checkWindow(List<OtpChallenge> inWindow, int limit, OffsetDateTime now) {
        if (inWindow.size() >= limit) {
            OffsetDateTime freesAt = inWindow.get(inWindow.size() - limit).createdAt.plus(WINDOW);
            throw new ApiException(ErrorCode.OTP_RATE_LIMITED).retryAfter(secondsUntil(now, freesAt));
        }
    }

    private static long secondsUntil(OffsetDateTime now, OffsetDateTime then) {
        long millis = Duration.between(now, then).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
