package kz.egov.idcard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's walkthrough as the integrator runs it: scripts/sandbox-journey.sh (curl and jq only)
 * against the packaged service, both channels from login to the card handed over, and a citizen sent
 * to a Public Service Center booking a visit that the centre's operator then sees.
 */
@QuarkusIntegrationTest
@TestProfile(SandboxJourneyScriptIT.OutboxSending.class)
class SandboxJourneyScriptIT {

    /** The script finds the booking's SMS, which leaves through the outbox: the test profile stops its dispatcher. */
    public static class OutboxSending implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("idcard.notifications.dispatch-every", "1s");
        }
    }

    @Test
    void theWalkthroughScriptCompletesBothJourneysAndACentreVisit() throws Exception {
        String base = RestAssured.baseURI + ":" + RestAssured.port;
        Process script = new ProcessBuilder("bash", "scripts/sandbox-journey.sh", base)
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        boolean finished = script.waitFor(120, TimeUnit.SECONDS);
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            script.destroyForcibly();
        }
        assertThat(finished).as("the script finished within 2 minutes:\n" + output).isTrue();
        assertThat(script.exitValue()).as(output).isZero();
        assertThat(output)
                .contains("mobile: confirmed with the test phone's key: SUBMITTED")
                .contains("web: signed with the test EDS")
                .contains("mobile: the citizen sees ISSUED")
                .contains("centre: the SMS confirmation names")
                .contains("centre: its operator sees visit")
                .contains("Both journeys and a centre visit completed");
    }
}
