package kz.egov.idcard.journey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import kz.egov.idcard.application.Step;
import kz.egov.idcard.journey.TestCa.Answer;
import kz.egov.idcard.support.ApiTest;
import kz.egov.idcard.support.Db;
import kz.egov.idcard.support.Journeys;
import kz.egov.idcard.support.RegistryStubs;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * EDS signatures under a configured certification authority are accepted only when its OCSP
 * responder (a local stub here) says the signer certificate is good; without a trustworthy answer
 * nothing is accepted and nothing changes.
 */
@QuarkusTest
@TestProfile(EdsRevocationTest.TrustedTestCa.class)
@QuarkusTestResource(RegistryStubs.class)
class EdsRevocationTest extends ApiTest {

    public static class TrustedTestCa implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("idcard.eds.trust-anchors", TestCa.CERTIFICATE_PEM.strip());
        }
    }

    @Inject
    Db db;

    @Inject
    Journeys journeys;

    private String iin;
    private String token;
    private String applicationId;
    private String challenge;
    private TestCa.Issued signer;

    @BeforeEach
    void webApplicationAtTheSignatureStep() {
        RegistryStubs.server.resetAll();
        Map<String, Object> citizen = newCitizen();
        iin = (String) citizen.get("iin");
        token = accessToken(citizen);
        applicationId = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("channel", "WEB"))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        journeys.complete(iin, applicationId, Step.BIOMETRICS);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("personalDataConfirmed", true, "contactPhone", "+77011234567", "pickupPointId", "AST-01",
                        "tier", "STANDARD"))
                .put("/api/v1/applications/{id}/questionnaire", applicationId).then().statusCode(200);
        challenge = given().auth().oauth2(token).get("/api/v1/applications/{id}/signing-challenge", applicationId).then()
                .statusCode(200).body("methods", Matchers.equalTo(List.of("EDS", "SMS", "DEVICE"))).extract().path("challenge");
        signer = TestCa.signer(iin);
    }

    private void responderAnswers(byte[] answer) {
        RegistryStubs.server.stubFor(post(urlEqualTo(RegistryStubs.OCSP_PATH))
                .withHeader("Content-Type", equalTo("application/ocsp-request"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/ocsp-response").withBody(answer)));
    }

    private Response sign() throws Exception {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("method", "EDS", "cms", Eds.cms(signer.asMap(), challenge, true)))
                .post("/api/v1/applications/{id}/signature", applicationId);
    }

    private void nothingWasSigned() {
        assertThat(db.count("select count(*) from application_signature where application_id = ?::uuid", applicationId)).isZero();
        given().auth().oauth2(token).get("/api/v1/applications/{id}", applicationId).then()
                .body("nextStep", Matchers.equalTo("SIGNATURE"));
    }

    @Test
    void aCertificateTheResponderCallsGoodSignsAndTheResponderWasAskedAboutIt() throws Exception {
        responderAnswers(TestCa.answer(signer.certificate(), Answer.good()));
        sign().then().statusCode(200).body("nextStep", Matchers.equalTo("PAYMENT"));

        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> asked = RegistryStubs.server
                .findAll(postRequestedFor(urlEqualTo(RegistryStubs.OCSP_PATH)));
        assertThat(asked).hasSize(1);
        OCSPReq request = new OCSPReq(asked.get(0).getBody());
        assertThat(request.getRequestList()[0].getCertID().getSerialNumber()).isEqualTo(signer.certificate().getSerialNumber());
        assertThat(db.rows("select method from application_signature where application_id = ?::uuid", applicationId))
                .extracting(row -> row.get("method")).containsExactly("EDS");
    }

    @Test
    void aRevokedCertificateIsRefusedAndTheRefusalAudited() throws Exception {
        responderAnswers(TestCa.answer(signer.certificate(), Answer.good().status(TestCa.REVOKED)));
        sign().then().statusCode(422).body("code", Matchers.equalTo("EDS_INVALID")).body("reason", Matchers.equalTo("REVOKED"));
        nothingWasSigned();
        assertThat(db.rows("select outcome from audit_event where subject = ? and event_type = 'SIGNATURE_REJECTED'",
                "application:" + applicationId)).extracting(row -> row.get("outcome")).containsExactly("REVOKED");
    }

    @Test
    void aCertificateTheResponderDoesNotKnowIsRefused() throws Exception {
        responderAnswers(TestCa.answer(signer.certificate(), Answer.good().status(TestCa.UNKNOWN)));
        sign().then().statusCode(422).body("reason", Matchers.equalTo("REVOCATION_UNKNOWN"));
        nothingWasSigned();
    }

    @Test
    void withoutATrustworthyAnswerNothingIsAcceptedAndTheCitizenIsToldToRetry() throws Exception {
        List<byte[]> untrustworthy = List.of(
                TestCa.answer(signer.certificate(), Answer.good().signedBy(TestCa.stranger())),
                TestCa.answer(signer.certificate(), Answer.good().nonce(new byte[16])),
                TestCa.failed(OCSPRespBuilder.TRY_LATER),
                "<html>bad gateway</html>".getBytes());
        for (byte[] answer : untrustworthy) {
            RegistryStubs.server.resetAll();
            responderAnswers(answer);
            sign().then().statusCode(503).body("code", Matchers.equalTo("EDS_REVOCATION_UNAVAILABLE"))
                    .header("Retry-After", notNullValue());
        }
        RegistryStubs.server.resetAll();
        RegistryStubs.server.stubFor(post(urlEqualTo(RegistryStubs.OCSP_PATH)).willReturn(aResponse().withStatus(500)));
        sign().then().statusCode(503).body("code", Matchers.equalTo("EDS_REVOCATION_UNAVAILABLE"));
        RegistryStubs.server.resetAll();
        RegistryStubs.server.stubFor(post(urlEqualTo(RegistryStubs.OCSP_PATH))
                .willReturn(aResponse().withFixedDelay(3000).withBody(TestCa.answer(signer.certificate(), Answer.good()))));
        long started = System.nanoTime();
        sign().then().statusCode(503).body("code", Matchers.equalTo("EDS_REVOCATION_UNAVAILABLE"));
        assertThat((System.nanoTime() - started) / 1_000_000).as("gave up at the read timeout").isLessThan(2900);
        nothingWasSigned();

        RegistryStubs.server.resetAll();
        responderAnswers(TestCa.answer(signer.certificate(), Answer.good().signedBy(TestCa.responder(true))));
        sign().then().statusCode(200);
    }

    @Test
    void certificatesOfTheSandboxCaAreNotAskedAbout() throws Exception {
        Map<String, Object> issued = given().contentType(ContentType.JSON).body(Map.of("iin", iin))
                .post("/api/v1/sandbox/eds/certificates").then().statusCode(200).extract().jsonPath().getMap("");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("method", "EDS", "cms", Eds.cms(issued, challenge, true)))
                .post("/api/v1/applications/{id}/signature", applicationId).then().statusCode(200);
        RegistryStubs.server.verify(0, postRequestedFor(urlEqualTo(RegistryStubs.OCSP_PATH)));
    }
}
