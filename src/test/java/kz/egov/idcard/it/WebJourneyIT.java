package kz.egov.idcard.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import kz.egov.idcard.journey.Eds;
import kz.egov.idcard.support.ApiTest;
import org.junit.jupiter.api.Test;

/** The web journey against the packaged application: face, questionnaire, EDS signature, payment. */
@QuarkusIntegrationTest
class WebJourneyIT extends ApiTest {

    @Test
    void aCitizenSignsWithEdsPaysAndIsSubmitted() throws Exception {
        Map<String, Object> citizen = newCitizen();
        String iin = (String) citizen.get("iin");
        String token = (String) login(iin, (String) citizen.get("phone")).get("accessToken");
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("channel", "WEB"))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");

        passFaceMatch(token, id, iin);
        Map<String, Object> answers = new HashMap<>();
        answers.put("personalDataConfirmed", true);
        answers.put("contactPhone", citizen.get("phone"));
        answers.put("email", "citizen@example.kz");
        answers.put("pickupPointId", "ALA-01");
        answers.put("tier", "EXPEDITED");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(answers)
                .put("/api/v1/applications/{id}/questionnaire", id).then().statusCode(200).body("nextStep", equalTo("SIGNATURE"));

        String challenge = given().auth().oauth2(token).get("/api/v1/applications/{id}/signing-challenge", id).then()
                .statusCode(200).extract().path("challenge");
        Map<String, Object> certificate = given().contentType(ContentType.JSON).body(Map.of("iin", iin))
                .post("/api/v1/sandbox/eds/certificates").then().statusCode(200).extract().jsonPath().getMap("");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("method", "EDS", "cms", Eds.cms(certificate, challenge, true)))
                .post("/api/v1/applications/{id}/signature", id).then().statusCode(200).body("nextStep", equalTo("PAYMENT"));

        String invoice = given().auth().oauth2(token).post("/api/v1/applications/{id}/payment", id).then().statusCode(201)
                .body("amount", equalTo(1771.00f)).extract().path("invoiceId");
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/sandbox/payments/{id}/pay", invoice).then()
                .body("outcome", equalTo("APPLIED"));
        given().auth().oauth2(token).get("/api/v1/applications/{id}", id).then()
                .body("status", equalTo("SUBMITTED")).body("readyOn", notNullValue());
    }
}
