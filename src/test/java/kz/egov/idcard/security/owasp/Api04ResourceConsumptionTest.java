package kz.egov.idcard.security.owasp;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.util.Map;
import kz.egov.idcard.support.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * OWASP API4:2023, unrestricted resource consumption. Bodies, texts, lists, nesting, URIs and
 * headers have limits, refused before the work they would cause; codes sent by SMS (they cost
 * money) have per-phone and per-IIN limits.
 */
@QuarkusTest
class Api04ResourceConsumptionTest extends ApiTest {

    @Test
    void aBodyAnnouncedTooLargeIsRefusedBeforeItIsRead() {
        invalid().contentType(ContentType.JSON).body("{\"iin\": \"" + "9".repeat(13 * 1024 * 1024) + "\"}").post("/api/v1/auth/otp")
                .then().statusCode(413).contentType("application/problem+json").body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void deeplyNestedJsonIsAProblemNotAStackOverflow() {
        invalid().contentType(ContentType.JSON).body("{\"iin\":" + "[".repeat(5000) + "]".repeat(5000) + "}").post("/api/v1/auth/otp")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void overlongTextsAreRefusedField_ByField() {
        String token = accessToken(newCitizen());
        invalid().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("publicKey", "A".repeat(100_000), "platform", "IOS", "name", "n".repeat(10_000)))
                .post("/api/v1/devices").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void anOverlongUriIsRefusedByTheHttpLayer() throws Exception {
        // Vert.x answers before any route, so the answer is a bare 414 (quarkusio/quarkus#55082).
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/registration-points?region=" + "A".repeat(10_000))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(414);
    }

    @Test
    void codesBySmsAreLimitedPerPhone() {
        Map<String, Object> citizen = newCitizen();
        String iin = (String) citizen.get("iin");
        String phone = (String) citizen.get("phone");
        requestCode(iin, phone).then().statusCode(201);
        requestCode(iin, phone).then().statusCode(429).body("code", equalTo("OTP_RESEND_COOLDOWN"))
                .header("Retry-After", notNullValue());
        given().queryParam("phone", phone).get("/api/v1/sandbox/sms").then().statusCode(200)
                .body("size()", equalTo(1));
    }
}
