package kz.egov.idcard.application;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.egov.idcard.common.time.ClockProducer;
import kz.egov.idcard.support.ApiTest;
import kz.egov.idcard.support.Db;
import kz.egov.idcard.support.Journeys;
import kz.egov.idcard.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApplicationApiTest extends ApiTest {

    @Inject
    Db db;

    @Inject
    Journeys journeys;

    @Inject
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static LocalDate today() {
        return LocalDate.now(ClockProducer.ZONE);
    }

    private static Response create(String token, String channel) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("channel", channel))
                .post("/api/v1/applications");
    }

    private static Map<String, Object> questionnaire(String point, String tier) {
        Map<String, Object> body = new HashMap<>();
        body.put("personalDataConfirmed", true);
        body.put("contactPhone", "+77011234567");
        body.put("email", "citizen@example.kz");
        body.put("address", "Астана, ул. Кенесары, 40");
        body.put("pickupPointId", point);
        body.put("tier", tier);
        return body;
    }

    // --- eligibility ---------------------------------------------------------------------------

    @Test
    void theWindowOpensThirtyDaysBeforeExpiry() {
        String token = accessToken(newCitizen(today().plusDays(30)));
        given().auth().oauth2(token).get("/api/v1/services/id-card-replacement/eligibility").then().statusCode(200)
                .body("eligible", equalTo(true)).body("reason", equalTo("ELIGIBLE"))
                .body("windowOpensOn", equalTo(today().toString()))
                .body("windowClosesOn", equalTo(today().plusDays(40).toString()));
    }

    @Test
    void oneDayEarlierIsTooEarlyAndSaysWhenItOpens() {
        String token = accessToken(newCitizen(today().plusDays(31)));
        given().auth().oauth2(token).header("Accept-Language", "en").get("/api/v1/services/id-card-replacement/eligibility")
                .then().statusCode(200)
                .body("eligible", equalTo(false)).body("reason", equalTo("TOO_EARLY"))
                .body("windowOpensOn", equalTo(today().plusDays(1).toString()))
                .body("message", org.hamcrest.Matchers.containsString("Public Service Center"));
        create(token, "MOBILE").then().statusCode(422).body("code", equalTo("ELIGIBILITY_TOO_EARLY"))
                .body("windowOpensOn", equalTo(today().plusDays(1).toString()));
    }

    @Test
    void theWindowClosesTenDaysAfterExpiry() {
        String lastDay = accessToken(newCitizen(today().minusDays(10)));
        given().auth().oauth2(lastDay).get("/api/v1/services/id-card-replacement/eligibility").then()
                .body("eligible", equalTo(true)).body("windowClosesOn", equalTo(today().toString()));
        create(lastDay, "WEB").then().statusCode(201);

        String tooLate = accessToken(newCitizen(today().minusDays(11)));
        given().auth().oauth2(tooLate).get("/api/v1/services/id-card-replacement/eligibility").then()
                .body("eligible", equalTo(false)).body("reason", equalTo("TOO_LATE"))
                .body("windowClosesOn", equalTo(today().minusDays(1).toString()));
        create(tooLate, "WEB").then().statusCode(422).body("code", equalTo("ELIGIBILITY_TOO_LATE"));
    }

    // --- creating --------------------------------------------------------------------------------

    @Test
    void aNewApplicationIsADraftWaitingForBiometrics() {
        Map<String, Object> citizen = newCitizen();
        String token = accessToken(citizen);
        String id = create(token, "MOBILE").then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/applications/[0-9a-f-]{36}"))
                .body("status", equalTo("DRAFT")).body("channel", equalTo("MOBILE"))
                .body("completedSteps", hasSize(0)).body("nextStep", equalTo("BIOMETRICS"))
                .body("draftExpiresAt", notNullValue()).body("readyOn", nullValue())
                .body("history", hasSize(1)).body("history[0].toStatus", equalTo("DRAFT"))
                .body("history[0].actor", equalTo("citizen:" + citizen.get("iin")))
                .extract().path("id");
        given().auth().oauth2(token).get("/api/v1/applications/{id}", id).then().statusCode(200).body("id", equalTo(id));
        given().auth().oauth2(token).get("/api/v1/applications").then().statusCode(200).body("id", equalTo(List.of(id)));
    }

    @Test
    void aSecondActiveApplicationPointsToTheFirst() {
        String token = accessToken(newCitizen());
        String first = create(token, "MOBILE").then().statusCode(201).extract().path("id");
        create(token, "WEB").then().statusCode(409).body("code", equalTo("APPLICATION_ALREADY_ACTIVE"))
                .body("existingApplicationId", equalTo(first));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswer() {
        String token = accessToken(newCitizen());
        String first = given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", "retry-1")
                .body(Map.of("channel", "MOBILE")).post("/api/v1/applications").then().statusCode(201)
                .header("Idempotent-Replayed", "false").extract().path("id");
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", "retry-1")
                .body(Map.of("channel", "MOBILE")).post("/api/v1/applications").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", "retry-1")
                .body(Map.of("channel", "WEB")).post("/api/v1/applications").then().statusCode(422)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        invalid().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", "bad key with spaces")
                .body(Map.of("channel", "WEB")).post("/api/v1/applications").then().statusCode(400)
                .body("code", equalTo("IDEMPOTENCY_KEY_INVALID"));
    }

    @Test
    void parallelCreatesMakeExactlyOneApplication() throws Exception {
        Map<String, Object> citizen = newCitizen();
        String token = accessToken(citizen);
        List<Integer> statuses = parallel(20, () -> create(token, "MOBILE").statusCode());
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(19);
        assertThat(db.count("select count(*) from application where applicant_iin = ?", citizen.get("iin"))).isEqualTo(1);
    }

    @Test
    void parallelRetriesWithOneKeyAllGetTheSameApplication() throws Exception {
        Map<String, Object> citizen = newCitizen();
        String token = accessToken(citizen);
        List<String> ids = parallel(10, () -> given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", "same-key").body(Map.of("channel", "WEB")).post("/api/v1/applications")
                .then().statusCode(201).extract().<String>path("id"));
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(db.count("select count(*) from application where applicant_iin = ?", citizen.get("iin"))).isEqualTo(1);
    }

    @Test
    void aBadChannelIsNamed() {
        String token = accessToken(newCitizen());
        invalid().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("channel", "FAX")).post("/api/v1/applications")
                .then().statusCode(400).body("errors[0].field", equalTo("channel"))
                .body("errors[0].code", equalTo("UNKNOWN_CHANNEL"));
    }

    // --- owner only ------------------------------------------------------------------------------

    @Test
    void anotherCitizensApplicationDoesNotExistOnAnyEndpoint() {
        String owner = accessToken(newCitizen());
        String id = create(owner, "MOBILE").then().statusCode(201).extract().path("id");
        String stranger = accessToken(newCitizen());

        given().auth().oauth2(stranger).get("/api/v1/applications/{id}", id).then().statusCode(404)
                .body("code", equalTo("APPLICATION_NOT_FOUND"));
        given().auth().oauth2(stranger).post("/api/v1/applications/{id}/cancel", id).then().statusCode(404);
        given().auth().oauth2(stranger).get("/api/v1/applications/{id}/questionnaire", id).then().statusCode(404);
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body(questionnaire("AST-01", "STANDARD"))
                .put("/api/v1/applications/{id}/questionnaire", id).then().statusCode(404);
        given().auth().oauth2(stranger).get("/api/v1/applications").then().body("", hasSize(0));
        given().auth().oauth2(owner).get("/api/v1/applications/{id}", id).then().statusCode(200).body("status", equalTo("DRAFT"));
        invalid().get("/api/v1/applications/{id}", id).then().statusCode(401);
        invalid().auth().oauth2(owner).get("/api/v1/applications/{id}", "not-a-uuid").then().statusCode(404);
    }

    // --- steps -----------------------------------------------------------------------------------

    @Test
    void theQuestionnaireIsRefusedBeforeBiometricsNamingTheStepDue() {
        String token = accessToken(newCitizen());
        String id = create(token, "WEB").then().extract().path("id");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(questionnaire("AST-01", "STANDARD"))
                .put("/api/v1/applications/{id}/questionnaire", id).then().statusCode(409)
                .body("code", equalTo("STEP_OUT_OF_ORDER")).body("expectedStep", equalTo("BIOMETRICS"));
    }

    @Test
    void onTheWebTheQuestionnaireLeadsToTheSignature() {
        Map<String, Object> citizen = newCitizen();
        String token = accessToken(citizen);
        String id = create(token, "WEB").then().extract().path("id");
        journeys.complete((String) citizen.get("iin"), id, Step.BIOMETRICS);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(questionnaire("AST-01", "URGENT"))
                .put("/api/v1/applications/{id}/questionnaire", id).then().statusCode(200)
                .body("completedSteps", equalTo(List.of("BIOMETRICS", "QUESTIONNAIRE")))
                .body("nextStep", equalTo("SIGNATURE"))
                .body("questionnaire.pickupPointId", equalTo("AST-01"))
                .body("questionnaire.tier", equalTo("URGENT"))
                .body("history.step", equalTo(java.util.Arrays.asList(null, "BIOMETRICS", "QUESTIONNAIRE")));
    }

    @Test
    void onMobileTheQuestionnaireLeadsToPayment() {
        Map<String, Object> citizen = newCitizen();
        String token = accessToken(citizen);
        String id = create(token, "MOBILE").then().extract().path("id");
        journeys.complete((String) citizen.get("iin"), id, Step.BIOMETRICS);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(questionnaire("KRG-01", "EXPEDITED"))
                .put("/api/v1/applications/{id}/questionnaire", id).then().statusCode(200)
                .body("nextStep", equalTo("PAYMENT"));
    }

    /** A web application of the citizen, face matched, questionnaire answered (AST-01, STANDARD) and signed. */
    private String signedWebApplication(Map<String, Object> citizen, String token) {
        String iin = (String) citizen.get("iin");
        String id = create(token, "WEB").then().extract().path("id");
        journeys.complete(iin, id, Step.BIOMETRICS);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(questionnaire("AST-01", "STANDARD"))
                .put("/api/v1/applications/{id}/questionnaire", id).then().statusCode(200);
        journeys.complete(iin, id, Step.SIGNATURE);
        return id;
    }

    @Test
    void aChangedQuestionnaireAfterSigningMeansSigningAgain() {
        Map<String, Object> citizen = newCitizen();
        String token = accessToken(citizen);
        String id = signedWebApplication(citizen, token);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(questionnaire("AST-02", "STANDARD"))
                .put("/api/v1/applications/{id}/questionnaire", id).then().statusCode(200)
                .body("completedSteps", equalTo(List.of("BIOMETRICS", "QUESTIONNAIRE")))
                .body("nextStep", equalTo("SIGNATURE"));
    }

    @Test
    void theSameAnswersSentAgainChangeNothingAndKeepTheSignature() {
        Map<String, Object> citizen = newCitizen();
        String token = accessToken(citizen);
        String id = signedWebApplication(citizen, token);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(questionnaire("AST-01", "STANDARD"))
                .put("/api/v1/applications/{id}/questionnaire", id).then().statusCode(200)
                .body("completedSteps", equalTo(List.of("BIOMETRICS", "QUESTIONNAIRE", "SIGNATURE")))
                .body("nextStep", equalTo("PAYMENT"))
                .body("history.findAll { it.step == 'QUESTIONNAIRE' }.size()", equalTo(1));
    }

    @Test
    void theQuestionnaireIsLockedOncePaid() {
        Map<String, Object> citizen = newCitizen();
        String iin = (String) citizen.get("iin");
        String token = accessToken(citizen);
        String id = create(token, "MOBILE").then().extract().path("id");
        journeys.complete(iin, id, Step.BIOMETRICS);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(questionnaire("AST-01", "STANDARD"))
                .put("/api/v1/applications/{id}/questionnaire", id).then().statusCode(200);
        journeys.complete(iin, id, Step.PAYMENT);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(questionnaire("AST-02", "STANDARD"))
                .put("/api/v1/applications/{id}/questionnaire", id).then().statusCode(409)
                .body("code", equalTo("QUESTIONNAIRE_LOCKED"));
    }

    @Test
    void everyWrongAnswerIsNamedAndNothingIsSaved() {
        Map<String, Object> citizen = newCitizen();
        String token = accessToken(citizen);
        String id = create(token, "MOBILE").then().extract().path("id");
        journeys.complete((String) citizen.get("iin"), id, Step.BIOMETRICS);

        Map<String, Object> bad = questionnaire("AST-01", "FASTEST");
        bad.put("personalDataConfirmed", false);
        bad.put("contactPhone", "8 701 123 45 67");
        bad.put("email", "not-an-email");
        invalid().auth().oauth2(token).contentType(ContentType.JSON).body(bad)
                .put("/api/v1/applications/{id}/questionnaire", id).then().statusCode(400)
                .body("errors.field", equalTo(List.of("contactPhone", "email", "personalDataConfirmed", "tier")))
                .body("errors.code", equalTo(List.of("INVALID_PHONE", "INVALID_FORMAT", "MUST_BE_TRUE", "UNKNOWN_TIER")));

        given().auth().oauth2(token).contentType(ContentType.JSON).body(questionnaire("NOWHERE-1", "STANDARD"))
                .put("/api/v1/applications/{id}/questionnaire", id).then().statusCode(400)
                .body("errors[0].field", equalTo("pickupPointId")).body("errors[0].code", equalTo("UNKNOWN_POINT"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(questionnaire("ALA-04", "STANDARD"))
                .put("/api/v1/applications/{id}/questionnaire", id).then().statusCode(400)
                .body("errors[0].code", equalTo("POINT_INACTIVE"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(questionnaire("AKM-01", "URGENT"))
                .put("/api/v1/applications/{id}/questionnaire", id).then().statusCode(400)
                .body("errors[0].field", equalTo("tier")).body("errors[0].code", equalTo("TIER_NOT_OFFERED"));

        given().auth().oauth2(token).get("/api/v1/applications/{id}", id).then()
                .body("questionnaire", nullValue()).body("nextStep", equalTo("QUESTIONNAIRE"));
    }

    @Test
    void theQuestionnaireIsPrefilledFromTheRegistries() {
        Map<String, Object> citizen = newCitizen();
        String token = accessToken(citizen);
        String id = create(token, "MOBILE").then().extract().path("id");
        given().auth().oauth2(token).get("/api/v1/applications/{id}/questionnaire", id).then().statusCode(200)
                .body("iin", equalTo(citizen.get("iin"))).body("lastName", equalTo("Тестов"))
                .body("idCard.expiresOn", equalTo(today().plusDays(10).toString()))
                .body("answers.contactPhone", equalTo(citizen.get("phone")))
                .body("answers.personalDataConfirmed", equalTo(false));
    }

    // --- cancel and expiry -----------------------------------------------------------------------

    @Test
    void aDraftCanBeCancelledOnceAndThenANewOneStarted() {
        String token = accessToken(newCitizen());
        String id = create(token, "MOBILE").then().extract().path("id");
        given().auth().oauth2(token).post("/api/v1/applications/{id}/cancel", id).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("nextStep", nullValue())
                .body("history[1].fromStatus", equalTo("DRAFT")).body("history[1].toStatus", equalTo("CANCELLED"));
        given().auth().oauth2(token).post("/api/v1/applications/{id}/cancel", id).then().statusCode(409)
                .body("code", equalTo("APPLICATION_NOT_CANCELLABLE"));
        create(token, "MOBILE").then().statusCode(201);
    }

    @Test
    void aDraftUntouchedFor24HoursExpires() {
        Map<String, Object> citizen = newCitizen();
        String token = accessToken(citizen);
        String id = create(token, "MOBILE").then().extract().path("id");
        clock.advance(Duration.ofHours(23));
        journeys.expireStaleDrafts();
        given().auth().oauth2(token).get("/api/v1/applications/{id}", id).then().body("status", equalTo("DRAFT"));

        clock.advance(Duration.ofHours(1).plusMinutes(1));
        assertThat(journeys.expireStaleDrafts()).isGreaterThanOrEqualTo(1);
        given().auth().oauth2(token).get("/api/v1/applications/{id}", id).then()
                .body("status", equalTo("EXPIRED")).body("history[1].actor", equalTo("system"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(questionnaire("AST-01", "STANDARD"))
                .put("/api/v1/applications/{id}/questionnaire", id).then().statusCode(409)
                .body("code", equalTo("APPLICATION_CLOSED"));
    }

    @Test
    void touchingADraftKeepsItAlive() {
        Map<String, Object> citizen = newCitizen();
        String token = accessToken(citizen);
        String id = create(token, "MOBILE").then().extract().path("id");
        clock.advance(Duration.ofHours(20));
        journeys.complete((String) citizen.get("iin"), id, Step.BIOMETRICS);
        clock.advance(Duration.ofHours(20));
        journeys.expireStaleDrafts();
        given().auth().oauth2(token).get("/api/v1/applications/{id}", id).then().body("status", equalTo("DRAFT"));
    }

}
