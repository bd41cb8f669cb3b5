package kz.egov.idcard.journey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import kz.egov.idcard.common.time.ClockProducer;
import kz.egov.idcard.support.ApiTest;
import kz.egov.idcard.support.Db;
import kz.egov.idcard.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An EDS certificate is judged at the time the server verifies, not at the time the signer claims:
 * a certificate of the sandbox's CA that has expired by then is refused, and a backdated
 * {@code signingTime} (into the certificate's life, before the challenge existed) is refused too;
 * nothing is recorded as signed.
 */
@QuarkusTest
class EdsSigningTimeTest extends ApiTest {

    private static final Duration A_YEAR_AND_MORE = Duration.ofDays(400);

    @Inject
    MovableClock clock;

    @Inject
    Db db;

    private Map<String, Object> citizen;
    private String token;
    private Map<String, Object> certificate;

    @BeforeEach
    void certificateIssuedAYearAgo() {
        citizen = newCitizen(LocalDate.now(ClockProducer.ZONE).plusDays(400 + 5));
        token = accessToken(citizen);
        certificate = given().contentType(ContentType.JSON).body(Map.of("iin", citizen.get("iin")))
                .post("/api/v1/sandbox/eds/certificates").then().statusCode(200).extract().jsonPath().getMap("");
        clock.advance(A_YEAR_AND_MORE);
    }

    @AfterEach
    void back() {
        clock.reset();
    }

    @Test
    void aBackdatedSigningTimeDoesNotMakeAnExpiredCertificateValid() throws Exception {
        String id = webDraftAtSignature();
        String challenge = given().auth().oauth2(token).get("/api/v1/applications/{id}/signing-challenge", id).then().statusCode(200)
                .extract().path("challenge");
        Date insideTheCertificatesLife = Date.from(clock.instant().minus(A_YEAR_AND_MORE).plus(Duration.ofDays(1)));
        eds(id, Eds.cms(certificate, challenge, false, insideTheCertificatesLife)).then().statusCode(422)
                .body("code", equalTo("EDS_INVALID")).body("reason", equalTo("SIGNING_TIME_OUTSIDE_CHALLENGE"));
        assertUnsigned(id);
    }

    @Test
    void anExpiredCertificateIsRefusedEvenWithAnHonestSigningTime() throws Exception {
        String id = webDraftAtSignature();
        String challenge = given().auth().oauth2(token).get("/api/v1/applications/{id}/signing-challenge", id).then().statusCode(200)
                .extract().path("challenge");
        eds(id, Eds.cms(certificate, challenge, false, Date.from(clock.instant()))).then().statusCode(422)
                .body("code", equalTo("EDS_INVALID")).body("reason", equalTo("CERTIFICATE_NOT_VALID"));
        assertUnsigned(id);
    }

    private void assertUnsigned(String id) {
        given().auth().oauth2(token).get("/api/v1/applications/{id}", id).then().body("nextStep", equalTo("SIGNATURE"));
        assertThat(db.count("select count(*) from application_signature where application_id = ?::uuid", id)).isZero();
        assertThat(db.count("select count(*) from audit_event where subject = ? and event_type = 'SIGNATURE_REJECTED'",
                "application:" + id)).isEqualTo(1);
    }

    private io.restassured.response.Response eds(String id, String cms) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("method", "EDS", "cms", cms))
                .post("/api/v1/applications/{id}/signature", id);
    }

    private String webDraftAtSignature() {
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("channel", "WEB"))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        passFaceMatch(token, id, (String) citizen.get("iin"));
        Map<String, Object> answers = new HashMap<>();
        answers.put("personalDataConfirmed", true);
        answers.put("contactPhone", "+77011234567");
        answers.put("pickupPointId", "AST-01");
        answers.put("tier", "EXPEDITED");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(answers)
                .put("/api/v1/applications/{id}/questionnaire", id).then().statusCode(200).body("nextStep", equalTo("SIGNATURE"));
        return id;
    }
}
