package kz.egov.idcard.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import kz.egov.idcard.application.EligibilityWindow.Reason;
import org.junit.jupiter.api.Test;

class EligibilityWindowTest {

    private static final LocalDate EXPIRY = LocalDate.of(2026, 3, 1);
    private final EligibilityWindow window = new EligibilityWindow(30, 10);

    @Test
    void opensThirtyDaysBeforeExpiryInclusive() {
        assertThat(window.judge(EXPIRY, LocalDate.of(2026, 1, 29)).reason()).isEqualTo(Reason.TOO_EARLY);
        assertThat(window.judge(EXPIRY, LocalDate.of(2026, 1, 30)).reason()).isEqualTo(Reason.ELIGIBLE);
        assertThat(window.judge(EXPIRY, LocalDate.of(2026, 1, 30)).opensOn()).isEqualTo(LocalDate.of(2026, 1, 30));
    }

    @Test
    void closesTenDaysAfterExpiryInclusive() {
        assertThat(window.judge(EXPIRY, LocalDate.of(2026, 3, 11)).reason()).isEqualTo(Reason.ELIGIBLE);
        assertThat(window.judge(EXPIRY, LocalDate.of(2026, 3, 12)).reason()).isEqualTo(Reason.TOO_LATE);
        assertThat(window.judge(EXPIRY, LocalDate.of(2026, 3, 12)).closesOn()).isEqualTo(LocalDate.of(2026, 3, 11));
    }

    @Test
    void theExpiryDayItselfIsInside() {
        assertThat(window.judge(EXPIRY, EXPIRY).eligible()).isTrue();
    }

    @Test
    void noCardMeansNoOnlineRoute() {
        assertThat(window.judge(null, EXPIRY).reason()).isEqualTo(Reason.NO_CURRENT_ID_CARD);
    }
}
