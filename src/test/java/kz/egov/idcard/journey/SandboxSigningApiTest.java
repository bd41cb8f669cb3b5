package kz.egov.idcard.journey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import kz.egov.idcard.support.ApiTest;
import kz.egov.idcard.support.Db;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Both channels signed from the sandbox's helpers alone, as an integrator does it from Swagger UI. */
@QuarkusTest
class SandboxSigningApiTest extends ApiTest {

    @Inject
    Db db;

    private Map<String, Object> citizen;
    private String token;

    @BeforeEach
    void citizen() {
        citizen = newCitizen();
        token = accessToken(citizen);
    }

    @Test
    void onMobileTheSandboxPhoneConfirmsAndTheApplicationIsSubmitted() {
        Map<String, Object> phone = testPhone(token, "IOS");
        assertThat((String) phone.get("publicKey")).isNotBlank();
        given().auth().oauth2(token).get("/api/v1/devices").then().statusCode(200)
                .body("id", hasItem(phone.get("deviceId"))).body("name", hasItem("Sandbox iPhone"));

        String id = draftUpToQuestionnaire("MOBILE");
        String invoice = given().auth().oauth2(token).post("/api/v1/applications/{id}/payment", id).then().statusCode(201)
                .extract().path("invoiceId");
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/sandbox/payments/{id}/pay", invoice).then()
                .statusCode(200).body("outcome", equalTo("APPLIED"));
        String challenge = challenge(id);
        String signature = signAsPhone(token, (String) phone.get("deviceId"), challenge).then().statusCode(200)
                .extract().path("signature");

        String overNewline = signAsPhone(token, (String) phone.get("deviceId"), challenge + "\n").then().extract().path("signature");
        device(id, "confirmation", (String) phone.get("deviceId"), overNewline).then().statusCode(422)
                .body("code", equalTo("SIGNATURE_INVALID"));
        device(id, "confirmation", (String) phone.get("deviceId"), signature).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("readyOn", notNullValue());
    }

    @Test
    void onTheWebTheSandboxPhoneSignsAndItsAnsweredKeyPairIsTheEnrolledOne() throws Exception {
        Map<String, Object> phone = testPhone(token, "ANDROID");
        KeyFactory ec = KeyFactory.getInstance("EC");
        PublicKey publicKey = ec.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode((String) phone.get("publicKey"))));
        PrivateKey privateKey = ec.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode((String) phone.get("privateKey"))));

        String id = draftUpToQuestionnaire("WEB");
        String challenge = challenge(id);
        // The private key answered signs as the sandbox does: an integrator can check their own signing code with it.
        String own = sign(new KeyPair(publicKey, privateKey), challenge);
        device(id, "signature", (String) phone.get("deviceId"), own).then().statusCode(200).body("nextStep", equalTo("PAYMENT"));
        assertThat(db.rows("select method from application_signature where application_id = ?::uuid and valid", id))
                .extracting(row -> row.get("method")).containsExactly("DEVICE");
    }

    @Test
    void onTheWebTheSandboxEdsSignsForTheCitizensIin() {
        String id = draftUpToQuestionnaire("WEB");
        String cms = given().contentType(ContentType.JSON).body(Map.of("iin", citizen.get("iin"), "challenge", challenge(id)))
                .post("/api/v1/sandbox/eds/signature").then().statusCode(200).extract().path("cms");

        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("method", "EDS", "cms", cms))
                .post("/api/v1/applications/{id}/signature", id).then().statusCode(200).body("nextStep", equalTo("PAYMENT"));
        assertThat(db.rows("select method from application_signature where application_id = ?::uuid and valid", id))
                .extracting(row -> row.get("method")).containsExactly("EDS");
    }

    @Test
    void anEdsOfAnotherIinIsRefusedWithItsReason() {
        String id = draftUpToQuestionnaire("WEB");
        Map<String, Object> other = newCitizen();
        String cms = given().contentType(ContentType.JSON).body(Map.of("iin", other.get("iin"), "challenge", challenge(id)))
                .post("/api/v1/sandbox/eds/signature").then().statusCode(200).extract().path("cms");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("method", "EDS", "cms", cms))
                .post("/api/v1/applications/{id}/signature", id).then().statusCode(422).body("code", equalTo("EDS_INVALID"));
    }

    @Test
    void aChallengeSignedWithATrailingNewlineIsRefusedSayingWhatToSign() {
        Map<String, Object> phone = testPhone(token, "IOS");
        String id = draftUpToQuestionnaire("WEB");
        String signature = signAsPhone(token, (String) phone.get("deviceId"), challenge(id) + "\n").then().statusCode(200)
                .extract().path("signature");

        given().auth().oauth2(token).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("method", "DEVICE", "deviceId", phone.get("deviceId"), "signature", signature))
                .post("/api/v1/applications/{id}/signature", id).then().statusCode(422)
                .body("code", equalTo("SIGNATURE_INVALID"))
                .body("detail", containsString("UTF-8 bytes of the challenge"))
                .body("detail", containsString("no trailing newline"));
    }

    @Test
    void theSandboxSignsOnlyWithItsOwnPhonesOfTheCallingCitizen() {
        Map<String, Object> phone = testPhone(token, "IOS");
        String other = accessToken(newCitizen());
        signAsPhone(other, (String) phone.get("deviceId"), "anything").then().statusCode(404).body("code", equalTo("DEVICE_NOT_FOUND"));

        String ownKeyDevice = enrolDevice(token, p256(), "IOS");
        signAsPhone(token, ownKeyDevice, "anything").then().statusCode(404).body("code", equalTo("DEVICE_NOT_FOUND"));
        invalid().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("challenge", "x"))
                .post("/api/v1/sandbox/devices/not-a-uuid/signature").then().statusCode(404).body("code", equalTo("DEVICE_NOT_FOUND"));
        invalid().contentType(ContentType.JSON).body(Map.of("platform", "IOS", "name", "x")).post("/api/v1/sandbox/devices")
                .then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static Map<String, Object> testPhone(String token, String platform) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("platform", platform, "name", platform.equals("IOS") ? "Sandbox iPhone" : "Sandbox Pixel"))
                .post("/api/v1/sandbox/devices").then().statusCode(201).body("deviceId", notNullValue())
                .extract().jsonPath().getMap("");
    }

    private static Response signAsPhone(String token, String deviceId, String challenge) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("challenge", challenge))
                .post("/api/v1/sandbox/devices/{deviceId}/signature", deviceId);
    }

    private Response device(String id, String endpoint, String deviceId, String signature) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("method", "DEVICE", "deviceId", deviceId, "signature", signature))
                .post("/api/v1/applications/{id}/" + endpoint, id);
    }

    private String challenge(String id) {
        return given().auth().oauth2(token).get("/api/v1/applications/{id}/signing-challenge", id).then().statusCode(200)
                .extract().path("challenge");
    }

    private String draftUpToQuestionnaire(String channel) {
        return draftUpToQuestionnaire(token, (String) citizen.get("iin"), channel, "STANDARD");
    }

}
