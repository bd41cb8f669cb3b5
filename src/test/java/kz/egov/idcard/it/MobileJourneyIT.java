package kz.egov.idcard.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import kz.egov.idcard.support.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * The whole mobile journey against the packaged application (JVM jar, or the native binary with
 * -Dnative): face, questionnaire, payment from the "bank", Face ID confirmation, then the
 * registration point's operator hands the card over.
 */
@QuarkusIntegrationTest
class MobileJourneyIT extends ApiTest {

    @Test
    void aCitizenReplacesTheirCardFromThePhoneAndPicksItUp() throws Exception {
        Map<String, Object> citizen = newCitizen();
        String iin = (String) citizen.get("iin");
        String token = (String) login(iin, (String) citizen.get("phone")).get("accessToken");

        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair faceIdKey = generator.generateKeyPair();
        String deviceId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("publicKey", Base64.getEncoder().encodeToString(faceIdKey.getPublic().getEncoded()),
                        "platform", "IOS", "name", "iPhone 15"))
                .post("/api/v1/devices").then().statusCode(201).extract().path("id");

        given().auth().oauth2(token).get("/api/v1/services/id-card-replacement/eligibility").then().body("eligible", equalTo(true));
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", "it-" + iin)
                .body(Map.of("channel", "MOBILE")).post("/api/v1/applications").then().statusCode(201).extract().path("id");

        passFaceMatch(token, id, iin);

        Map<String, Object> answers = new HashMap<>();
        answers.put("personalDataConfirmed", true);
        answers.put("contactPhone", citizen.get("phone"));
        answers.put("pickupPointId", "SHY-01");
        answers.put("tier", "URGENT");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(answers)
                .put("/api/v1/applications/{id}/questionnaire", id).then().statusCode(200).body("nextStep", equalTo("PAYMENT"));

        String invoice = given().auth().oauth2(token).post("/api/v1/applications/{id}/payment", id).then().statusCode(201)
                .body("amount", equalTo(3372.00f)).extract().path("invoiceId");
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/sandbox/payments/{id}/pay", invoice).then()
                .statusCode(200).body("outcome", equalTo("APPLIED"));

        String challenge = given().auth().oauth2(token).get("/api/v1/applications/{id}/signing-challenge", id).then()
                .statusCode(200).extract().path("challenge");
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(faceIdKey.getPrivate());
        signer.update(challenge.getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("method", "DEVICE", "deviceId", deviceId, "signature", Base64.getEncoder().encodeToString(signer.sign())))
                .post("/api/v1/applications/{id}/confirmation", id).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("readyOn", notNullValue());

        String operator = given().contentType(ContentType.JSON).body(Map.of("pointId", "SHY-01"))
                .post("/api/v1/sandbox/operator-token").then().statusCode(200).extract().path("accessToken");
        for (String to : new String[] {"IN_PRODUCTION", "READY_FOR_PICKUP", "ISSUED"}) {
            given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("to", to))
                    .post("/api/v1/operator/applications/{id}/transitions", id).then().statusCode(200).body("status", equalTo(to));
        }
        given().auth().oauth2(token).get("/api/v1/applications/{id}", id).then().body("status", equalTo("ISSUED"));
    }
}
