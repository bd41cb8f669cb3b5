package kz.egov.idcard.security.owasp;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsStringIgnoringCase;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import kz.egov.idcard.application.Step;
import kz.egov.idcard.support.ApiTest;
import kz.egov.idcard.support.Journeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OWASP API3:2023, broken object property level authorization. Fields a client has no say over
 * (status, owner, amount, ready-on date, point) are ignored when sent; answers carry no hashes,
 * keys or biometric data.
 */
@QuarkusTest
class Api03PropertyLevelAuthorizationTest extends ApiTest {

    @Inject
    Journeys journeys;

    private Map<String, Object> citizen;
    private String token;

    @BeforeEach
    void citizen() {
        citizen = newCitizen();
        token = accessToken(citizen);
    }

    @Test
    void aNewApplicationIsADraftOfTheCallerWhateverElseTheBodySays() {
        String forcedId = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("channel", "MOBILE", "status", "ISSUED", "applicantIin", "900101300017", "id", forcedId,
                "readyOn", "2026-12-01", "completedSteps", java.util.List.of("BIOMETRICS", "QUESTIONNAIRE", "PAYMENT"));
        String id = invalid().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/applications").then()
                .statusCode(201).body("status", equalTo("DRAFT")).body("nextStep", equalTo("BIOMETRICS"))
                .body("readyOn", equalTo(null)).extract().path("id");
        assertThat(id).isNotEqualTo(forcedId);
        given().auth().oauth2(token).get("/api/v1/me").then().body("iin", equalTo(citizen.get("iin")));
    }

    @Test
    void theAmountToPayComesFromTheFeeScheduleNotFromTheClient() {
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("channel", "MOBILE"))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        journeys.complete((String) citizen.get("iin"), id, Step.BIOMETRICS);
        invalid().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("personalDataConfirmed", true, "contactPhone", "+77011234567", "pickupPointId", "AST-01", "tier", "URGENT",
                        "fee", 1, "amount", 1, "status", "SUBMITTED"))
                .put("/api/v1/applications/{id}/questionnaire", id).then().statusCode(200);
        float quoted = given().queryParam("tier", "URGENT").queryParam("pointId", "AST-01").get("/api/v1/fees/quote").then()
                .statusCode(200).extract().path("amount");
        invalid().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("amount", 1, "currency", "USD"))
                .post("/api/v1/applications/{id}/payment", id).then().statusCode(201)
                .body("amount", equalTo(quoted)).body("currency", equalTo("KZT"));
        given().auth().oauth2(token).get("/api/v1/applications/{id}", id).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void answersCarryNoSecretsKeysOrBiometricData() {
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("channel", "WEB"))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        passFaceMatch(token, id, (String) citizen.get("iin"));
        for (String path : new String[] {"/api/v1/me", "/api/v1/applications/" + id, "/api/v1/applications", "/api/v1/devices",
                "/api/v1/applications/" + id + "/questionnaire"}) {
            given().auth().oauth2(token).get(path).then().statusCode(200)
                    .body(not(containsStringIgnoringCase("hash"))).body(not(containsStringIgnoringCase("selfie")))
                    .body(not(containsStringIgnoringCase("sealed"))).body(not(containsStringIgnoringCase("privateKey")))
                    .body(not(containsStringIgnoringCase("secret")));
        }
    }
}
