package kz.egov.idcard.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import kz.egov.idcard.support.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * Admission control as a citizen meets it when the service is saturated: the first steps of a
 * journey are refused at the door (503 SERVICE_BUSY, Retry-After) before anything is done, while
 * everything else is still answered. Saturation is forced by closing the door at a zero wait
 * for a database connection; the load figures at 100 journeys/s are in bench/results/report.md.
 */
@QuarkusTest
@TestProfile(AdmissionTest.Saturated.class)
class AdmissionTest extends ApiTest {

    public static class Saturated implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("idcard.admission.door-closes-at-wait", "PT0S");
        }
    }

    @Test
    void aNewJourneyIsRefusedAtItsFirstStepWithRetryAfterAndNothingIsDone() {
        String phone = newPhone();
        given().contentType(ContentType.JSON).body(Map.of("phone", phone, "lastName", "Тестов", "firstName", "Тест",
                        "idCard", Map.of("expiresOn", java.time.LocalDate.now().plusDays(10).toString())))
                .post("/api/v1/sandbox/citizens").then().statusCode(201);
        given().header("Accept-Language", "en").contentType(ContentType.JSON).body(Map.of("iin", "900101300017", "phone", phone))
                .post("/api/v1/auth/otp").then().statusCode(503)
                .header("Retry-After", "30")
                .contentType("application/problem+json")
                .body("code", equalTo("SERVICE_BUSY")).body("retryAfterSeconds", equalTo(30))
                .body("detail", equalTo("Too many people are using the service right now, so nothing new is started. "
                        + "Please try again in a minute; nothing was changed."));
        given().queryParam("phone", phone).get("/api/v1/sandbox/sms").then().statusCode(200).body("$", hasSize(0));
        // Before anything else, credentials included.
        invalid().contentType(ContentType.JSON).body(Map.of("channel", "MOBILE")).post("/api/v1/applications").then()
                .statusCode(503).body("code", equalTo("SERVICE_BUSY"));
    }

    @Test
    void whatIsNotAFirstStepIsStillAnswered() {
        given().get("/api/v1/regions").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("code", "123456"))
                .post("/api/v1/auth/otp/0b3c1e6a-6b0e-4a39-9d55-1f0c2c7e9a10/verify").then().statusCode(404)
                .body("code", equalTo("OTP_CHALLENGE_NOT_FOUND"));
        invalid().get("/api/v1/applications").then().statusCode(401);
    }
}
