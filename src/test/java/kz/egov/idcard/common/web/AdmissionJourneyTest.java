package kz.egov.idcard.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** A new application's door tells a citizen on a journey the login door let in by the token's auth_time. */
class AdmissionJourneyTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration LASTS = Duration.ofMinutes(30);

    private static String bearer(String claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return "Bearer " + base64.encodeToString("{\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    @Test
    void aLoginOfMinutesAgoIsAJourneyUnderWay() {
        long tenMinutesAgo = NOW.minusSeconds(600).getEpochSecond();
        assertThat(Admission.authTime(bearer("{\"sub\":\"900101300017\",\"auth_time\":" + tenMinutesAgo + "}"))).isEqualTo(tenMinutesAgo);
        assertThat(Admission.onJourney(bearer("{\"auth_time\":" + tenMinutesAgo + "}"), CLOCK, LASTS)).isTrue();
        assertThat(Admission.onJourney("bearer " + bearer("{\"auth_time\":" + tenMinutesAgo + "}").substring(7), CLOCK, LASTS)).isTrue();
    }

    @Test
    void aLoginOfLongAgoStartsANewJourney() {
        long anHourAgo = NOW.minusSeconds(3600).getEpochSecond();
        assertThat(Admission.onJourney(bearer("{\"auth_time\":" + anHourAgo + "}"), CLOCK, LASTS)).isFalse();
    }

    @Test
    void withoutAReadableAuthTimeItIsANewJourney() {
        assertThat(Admission.onJourney(null, CLOCK, LASTS)).isFalse();
        assertThat(Admission.onJourney("Basic dXNlcjpwYXNz", CLOCK, LASTS)).isFalse();
        assertThat(Admission.onJourney("Bearer not-a-token", CLOCK, LASTS)).isFalse();
        assertThat(Admission.onJourney("Bearer a.%%%.c", CLOCK, LASTS)).isFalse();
        assertThat(Admission.onJourney(bearer("[1, 2]"), CLOCK, LASTS)).isFalse();
        assertThat(Admission.onJourney(bearer("{\"iat\": 1}"), CLOCK, LASTS)).isFalse();
        assertThat(Admission.onJourney(bearer("{\"auth_time\": \"yesterday\"}"), CLOCK, LASTS)).isFalse();
    }
}
