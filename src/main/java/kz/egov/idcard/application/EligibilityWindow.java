package kz.egov.idcard.application;

import java.time.LocalDate;

/**
 * docs/product.md R2: online replacement is open only because the card is expiring, from a number of days
 * before the expiry date to a number of days after it, both ends inclusive, in local dates.
 */
public record EligibilityWindow(int daysBefore, int daysAfter) {

    public enum Reason {
        /** Inside the window. */
        ELIGIBLE,
        /** The window has not opened yet. */
        TOO_EARLY,
        /** The window has closed. */
        TOO_LATE,
        /** The registry knows no current card; only a Public Service Center can help. */
        NO_CURRENT_ID_CARD
    }

    public record Verdict(boolean eligible, Reason reason, LocalDate expiresOn, LocalDate opensOn, LocalDate closesOn) {
    }

    public Verdict judge(LocalDate expiresOn, LocalDate today) {
        if (expiresOn == null) {
            return new Verdict(false, Reason.NO_CURRENT_ID_CARD, null, null, null);
        }
        LocalDate opens = expiresOn.minusDays(daysBefore);
        LocalDate closes = expiresOn.plusDays(daysAfter);
        Reason reason = today.isBefore(opens) ? Reason.TOO_EARLY : today.isAfter(closes) ? Reason.TOO_LATE : Reason.ELIGIBLE;
        return new Verdict(reason == Reason.ELIGIBLE, reason, expiresOn, opens, closes);
    }
}
