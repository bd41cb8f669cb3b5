package kz.egov.idcard.biometrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import kz.egov.idcard.common.time.ClockProducer;
import kz.egov.idcard.sandbox.PortraitGenerator;
import kz.egov.idcard.support.ApiTest;
import kz.egov.idcard.support.Db;
import kz.egov.idcard.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The BIOMETRICS step with the sandbox matcher (picture comparison). */
@QuarkusTest
class BiometricsApiTest extends ApiTest {

    @Inject
    Db db;

    @Inject
    BiometricVault vault;

    @Inject
    BiometricsService service;

    @Inject
    MovableClock clock;

    private String iin;
    private String token;
    private String applicationId;

    @BeforeEach
    void draft() {
        Map<String, Object> body = new HashMap<>();
        body.put("phone", newPhone());
        body.put("lastName", "Петрова");
        body.put("firstName", "Елена");
        body.put("region", "KARAGANDA");
        body.put("idCard", Map.of("expiresOn", LocalDate.now(ClockProducer.ZONE).plusDays(5).toString()));
        Map<String, Object> citizen = given().contentType(ContentType.JSON).body(body).post("/api/v1/sandbox/citizens")
                .then().statusCode(201).extract().jsonPath().getMap("");
        iin = (String) citizen.get("iin");
        token = accessToken(citizen);
        applicationId = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("channel", "MOBILE"))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String referencePhoto() {
        return Base64.getEncoder().encodeToString(
                given().get("/api/v1/sandbox/citizens/{iin}/reference-photo", iin).then().statusCode(200).extract().asByteArray());
    }

    private Response attempt(String selfie) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("selfie", selfie))
                .post("/api/v1/applications/{id}/biometrics", applicationId);
    }

    private static String otherFace() {
        return Base64.getEncoder().encodeToString(PortraitGenerator.portrait(UUID.randomUUID().getMostSignificantBits()));
    }

    @Test
    void theRegistryPhotoMatchesAndTheQuestionnaireIsDueNext() {
        attempt(referencePhoto()).then().statusCode(200)
                .body("result", equalTo("MATCH")).body("$", not(hasKey("score")))
                .body("application.completedSteps", equalTo(List.of("BIOMETRICS")))
                .body("application.nextStep", equalTo("QUESTIONNAIRE"));
        // Nor in the words of the application's history.
        String application = given().auth().oauth2(token).get("/api/v1/applications/{id}", applicationId).then().statusCode(200)
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(application).doesNotContainIgnoringCase("score").contains("Face matched");
        attempt(referencePhoto()).then().statusCode(409).body("code", equalTo("STEP_OUT_OF_ORDER"))
                .body("expectedStep", equalTo("QUESTIONNAIRE"));
    }

    @Test
    void threeMissesSendTheCitizenToAPublicServiceCenterOfTheirRegion() {
        attempt(otherFace()).then().statusCode(200).body("result", equalTo("NO_MATCH")).body("attemptsLeft", equalTo(2))
                .body("application.status", equalTo("DRAFT"));
        attempt(otherFace()).then().statusCode(200).body("result", equalTo("NO_MATCH")).body("attemptsLeft", equalTo(1));
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(Map.of("selfie", otherFace())).post("/api/v1/applications/{id}/biometrics", applicationId)
                .then().statusCode(200)
                .body("result", equalTo("REDIRECTED_TO_TSON")).body("attemptsLeft", equalTo(0))
                .body("application.status", equalTo("REDIRECTED_TO_TSON"))
                .body("application.redirect.reason", equalTo("BIOMETRIC_NO_MATCH"))
                .body("application.redirect.message", containsString("not a refusal"))
                .body("application.redirect.region", equalTo("KARAGANDA"))
                .body("application.redirect.centers", hasSize(greaterThanOrEqualTo(1)))
                .body("application.redirect.centers.region", everyItem(equalTo("KARAGANDA")));
        attempt(referencePhoto()).then().statusCode(409).body("code", equalTo("APPLICATION_CLOSED"));
        given().auth().oauth2(token).get("/api/v1/applications/{id}", applicationId).then()
                .body("status", equalTo("REDIRECTED_TO_TSON")).body("redirect.message", containsString("ЦОН"));
    }

    @Test
    void aFaceThatCannotBeProcessedIsRedirectedAtOnce() throws IOException {
        attempt(png(new BufferedImage(300, 400, BufferedImage.TYPE_INT_RGB))).then().statusCode(200)
                .body("result", equalTo("REDIRECTED_TO_TSON"))
                .body("application.redirect.reason", equalTo("BIOMETRIC_CANNOT_PROCESS"));
    }

    @Test
    void badPicturesAreNamedAndUseNoAttempt() throws IOException {
        invalid().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("selfie", "%%% not base64 %%%"))
                .post("/api/v1/applications/{id}/biometrics", applicationId).then().statusCode(400).body("errors[0].field", equalTo("selfie"))
                .body("errors[0].code", equalTo("INVALID_BASE64"));
        attempt(Base64.getEncoder().encodeToString("hello, I am text".getBytes())).then().statusCode(400)
                .body("errors[0].code", equalTo("NOT_AN_IMAGE"));
        attempt(png(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB))).then().statusCode(400)
                .body("errors[0].code", equalTo("RESOLUTION_OUT_OF_RANGE"));
        byte[] broken = Base64.getDecoder().decode(otherFace());
        byte[] truncated = java.util.Arrays.copyOf(broken, 60);
        attempt(Base64.getEncoder().encodeToString(truncated)).then().statusCode(400)
                .body("errors[0].code", equalTo("UNREADABLE_IMAGE"));
        invalid().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/applications/{id}/biometrics", applicationId).then().statusCode(400)
                .body("errors[0].field", equalTo("selfie"));

        assertThat(db.count("select count(*) from biometric_attempt where application_id = ?::uuid", applicationId)).isZero();
        attempt(otherFace()).then().statusCode(200).body("attemptsLeft", equalTo(2));
    }

    @Test
    void anotherCitizensApplicationDoesNotExist() {
        String stranger = accessToken(newCitizen());
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body(Map.of("selfie", referencePhoto()))
                .post("/api/v1/applications/{id}/biometrics", applicationId).then().statusCode(404)
                .body("code", equalTo("APPLICATION_NOT_FOUND"));
        assertThat(db.count("select count(*) from biometric_attempt where application_id = ?::uuid", applicationId)).isZero();
    }

    @Test
    void theSelfieIsStoredOnlySealedAndEachAttemptIsAuditedWithoutIt() {
        String selfie = otherFace();
        attempt(selfie).then().statusCode(200);
        Map<String, Object> row = db.rows("select * from biometric_attempt where application_id = ?::uuid", applicationId).get(0);
        byte[] sealed = (byte[]) row.get("selfie_sealed");
        byte[] original = Base64.getDecoder().decode(selfie);
        assertThat(sealed).isNotEqualTo(original);
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("PNG");
        byte[] opened = vault.open(UUID.fromString(applicationId),
                new BiometricVault.Sealed((String) row.get("selfie_key_id"), (byte[]) row.get("selfie_nonce"), sealed));
        assertThat(opened).isEqualTo(original);

        List<Map<String, Object>> audit = db.rows("select * from audit_event where subject = ? and event_type = 'BIOMETRIC_ATTEMPT'",
                "application:" + applicationId);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("outcome")).isEqualTo("NO_MATCH");
        assertThat((String) audit.get(0).get("details")).contains("score").hasSizeLessThan(200);
    }

    @Test
    void aTamperedStoredSelfieDoesNotOpen() throws Exception {
        attempt(otherFace()).then().statusCode(200);
        db.execute("update biometric_attempt set selfie_sealed = overlay(selfie_sealed placing '\\x00'::bytea from 5 for 1) "
                + "where application_id = '" + applicationId + "'");
        Map<String, Object> row = db.rows("select * from biometric_attempt where application_id = ?::uuid", applicationId).get(0);
        assertThatThrownBy(() -> vault.open(UUID.fromString(applicationId), new BiometricVault.Sealed(
                (String) row.get("selfie_key_id"), (byte[]) row.get("selfie_nonce"), (byte[]) row.get("selfie_sealed"))))
                .isInstanceOf(BiometricVault.BiometricDataException.class);
    }

    @Test
    void selfiesAreErasedAfterTheRetentionTimeButTheOutcomeStays() throws Throwable {
        attempt(referencePhoto()).then().statusCode(200);
        clock.advance(Duration.ofDays(29));
        VertxContextSupport.subscribeAndAwait(service::eraseExpiredSelfies);
        assertThat(db.count("select count(*) from biometric_attempt where application_id = ?::uuid and selfie_sealed is not null",
                applicationId)).isEqualTo(1);

        clock.advance(Duration.ofDays(2));
        VertxContextSupport.subscribeAndAwait(service::eraseExpiredSelfies);
        Map<String, Object> row = db.rows("select * from biometric_attempt where application_id = ?::uuid", applicationId).get(0);
        assertThat(row.get("selfie_sealed")).isNull();
        assertThat(row.get("selfie_nonce")).isNull();
        assertThat(row.get("erased_at")).isNotNull();
        assertThat(row.get("decision")).isEqualTo("MATCH");
    }

    static String png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    @Test
    void aCitizensFourthMissAcrossTwoApplicationsIsSentToACentreWithoutAskingTheMatcher() {
        attempt(otherFace()).then().statusCode(200).body("result", equalTo("NO_MATCH")).body("attemptsLeft", equalTo(2));
        attempt(otherFace()).then().statusCode(200).body("result", equalTo("NO_MATCH")).body("attemptsLeft", equalTo(1));
        given().auth().oauth2(token).post("/api/v1/applications/{id}/cancel", applicationId).then().statusCode(200);
        applicationId = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("channel", "WEB"))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        attempt(otherFace()).then().statusCode(200).body("result", equalTo("REDIRECTED_TO_TSON")).body("attemptsLeft", equalTo(0))
                .body("application.redirect.reason", equalTo("BIOMETRIC_NO_MATCH"));

        applicationId = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("channel", "MOBILE"))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        long attemptsBefore = db.count("select count(*) from biometric_attempt where applicant_iin = ?", iin);
        attempt(otherFace()).then().statusCode(200).body("result", equalTo("REDIRECTED_TO_TSON")).body("attemptsLeft", equalTo(0))
                .body("application.redirect.reason", equalTo("ATTEMPTS_EXHAUSTED"))
                .body("application.redirect.region", equalTo("KARAGANDA"))
                .body("$", not(hasKey("score")));
        // The matcher was not asked: no attempt recorded for the fourth picture.
        assertThat(db.count("select count(*) from biometric_attempt where applicant_iin = ?", iin)).isEqualTo(attemptsBefore);
    }

    @Test
    void missesOlderThanTheWindowNoLongerCount() {
        Map<String, Object> citizen = newCitizen(java.time.LocalDate.now(ClockProducer.ZONE).plusDays(25));
        token = accessToken(citizen);
        applicationId = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("channel", "MOBILE"))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        attempt(otherFace()).then().body("attemptsLeft", equalTo(2));
        attempt(otherFace()).then().body("attemptsLeft", equalTo(1));
        given().auth().oauth2(token).post("/api/v1/applications/{id}/cancel", applicationId).then().statusCode(200);

        clock.advance(Duration.ofDays(31));
        applicationId = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("channel", "MOBILE"))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        attempt(otherFace()).then().statusCode(200).body("result", equalTo("NO_MATCH")).body("attemptsLeft", equalTo(2));
    }
}
