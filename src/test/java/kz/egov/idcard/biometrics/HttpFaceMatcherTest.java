package kz.egov.idcard.biometrics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import kz.egov.idcard.citizen.ReferencePhoto;
import kz.egov.idcard.sandbox.PortraitGenerator;
import kz.egov.idcard.support.ApiTest;
import kz.egov.idcard.support.Db;
import kz.egov.idcard.support.RegistryStubs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import kz.egov.idcard.sandbox.SandboxFaceMatcherTest;

/** The biometric vendor's client against a local stub: its answers, its failures and its circuit breaker. */
@QuarkusTest
@TestProfile(HttpFaceMatcherTest.VendorMatcher.class)
@QuarkusTestResource(RegistryStubs.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HttpFaceMatcherTest extends ApiTest {

    public static class VendorMatcher implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("idcard.biometrics.matcher", "http");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    FaceMatcher matcher;

    @Inject
    Db db;

    private ReferencePhoto reference;
    private Image selfie;

    @BeforeEach
    void images() throws IOException {
        RegistryStubs.server.resetAll();
        reference = new ReferencePhoto(PortraitGenerator.portrait(11), "image/png");
        selfie = SandboxFaceMatcherTest.png(PortraitGenerator.portrait(12));
    }

    private void vendorAnswers(String json) {
        RegistryStubs.server.stubFor(post(urlEqualTo("/v1/face/verify"))
                .withRequestBody(matchingJsonPath("$.reference"))
                .withRequestBody(matchingJsonPath("$.probe"))
                .willReturn(okJson(json)));
    }

    @Test
    @Order(1)
    void theConfiguredMatcherIsTheVendors() {
        assertThat(matcher.name()).isEqualTo("vendor-http");
    }

    @Test
    @Order(2)
    void aMatchAboveTheThresholdIsAMatch() {
        vendorAnswers("{\"decision\": \"MATCH\", \"score\": 0.991, \"liveness\": \"PASS\", \"quality\": \"GOOD\"}");
        FaceMatch match = matcher.compare(reference, selfie).await().atMost(WAIT);
        assertThat(match.decision()).isEqualTo(FaceMatch.Decision.MATCH);
        assertThat(match.score()).isEqualTo(0.991);
        String sent = RegistryStubs.server.findAll(postRequestedFor(urlEqualTo("/v1/face/verify"))).get(0).getBodyAsString();
        assertThat(sent).contains(Base64.getEncoder().encodeToString(selfie.bytes()));
    }

    @Test
    @Order(3)
    void aMatchBelowOurThresholdOrWithFailedLivenessIsAMiss() {
        vendorAnswers("{\"decision\": \"MATCH\", \"score\": 0.80, \"liveness\": \"PASS\"}");
        assertThat(matcher.compare(reference, selfie).await().atMost(WAIT).decision()).isEqualTo(FaceMatch.Decision.NO_MATCH);
        RegistryStubs.server.resetAll();
        vendorAnswers("{\"decision\": \"MATCH\", \"score\": 0.99, \"liveness\": \"FAIL\"}");
        assertThat(matcher.compare(reference, selfie).await().atMost(WAIT).decision()).isEqualTo(FaceMatch.Decision.NO_MATCH);
    }

    @Test
    @Order(4)
    void noMatchAndCannotProcessPassThrough() {
        vendorAnswers("{\"decision\": \"NO_MATCH\", \"score\": 0.12}");
        assertThat(matcher.compare(reference, selfie).await().atMost(WAIT).decision()).isEqualTo(FaceMatch.Decision.NO_MATCH);
        RegistryStubs.server.resetAll();
        vendorAnswers("{\"decision\": \"CANNOT_PROCESS\", \"score\": 0.0, \"quality\": \"POOR\"}");
        FaceMatch cannot = matcher.compare(reference, selfie).await().atMost(WAIT);
        assertThat(cannot.decision()).isEqualTo(FaceMatch.Decision.CANNOT_PROCESS);
        assertThat(cannot.quality()).isEqualTo(FaceMatch.Quality.UNUSABLE);
    }

    @Test
    @Order(5)
    void anAnswerThatFailsValidationIsNotUsed() {
        vendorAnswers("{\"decision\": \"PROBABLY\", \"score\": 7}");
        assertThatThrownBy(() -> matcher.compare(reference, selfie).await().atMost(WAIT))
                .hasMessageContaining("validation");
    }

    @Test
    @Order(6)
    void anOutageIsA503ThatUsesNoAttemptAndTheCircuitOpensAfterRepeatedFailures() {
        Map<String, Object> citizen = newCitizen();
        String token = accessToken(citizen);
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("channel", "MOBILE"))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        String photo = Base64.getEncoder().encodeToString(PortraitGenerator.portrait(99));

        RegistryStubs.server.stubFor(post(urlEqualTo("/v1/face/verify")).willReturn(aResponse().withStatus(500)));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("selfie", photo))
                .post("/api/v1/applications/{id}/biometrics", id).then().statusCode(503)
                .header("Retry-After", notNullValue()).body("code", equalTo("BIOMETRICS_UNAVAILABLE"));

        RegistryStubs.server.resetAll();
        RegistryStubs.server.stubFor(post(urlEqualTo("/v1/face/verify"))
                .willReturn(okJson("{\"decision\": \"MATCH\", \"score\": 0.99}").withFixedDelay(3000)));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("selfie", photo))
                .post("/api/v1/applications/{id}/biometrics", id).then().statusCode(503);

        RegistryStubs.server.resetAll();
        RegistryStubs.server.stubFor(post(urlEqualTo("/v1/face/verify")).willReturn(aResponse().withStatus(502)));
        for (int i = 0; i < 6; i++) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("selfie", photo))
                    .post("/api/v1/applications/{id}/biometrics", id).then().statusCode(503);
        }
        int reached = RegistryStubs.server.findAll(postRequestedFor(urlEqualTo("/v1/face/verify"))).size();
        assertThat(reached).as("calls that reached the vendor while the circuit should be open").isLessThan(6);

        assertThat(db.count("select count(*) from biometric_attempt where application_id = ?::uuid", id)).isZero();
        given().auth().oauth2(token).get("/api/v1/applications/{id}", id).then()
                .body("status", equalTo("DRAFT")).body("nextStep", equalTo("BIOMETRICS"));
    }
}
