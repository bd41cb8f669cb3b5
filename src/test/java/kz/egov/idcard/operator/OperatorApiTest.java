package kz.egov.idcard.operator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.egov.idcard.application.Step;
import kz.egov.idcard.auth.JwtConfig;
import kz.egov.idcard.auth.AuthKeys;
import kz.egov.idcard.support.ApiTest;
import kz.egov.idcard.support.Db;
import kz.egov.idcard.support.Journeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import kz.egov.idcard.auth.OperatorsConfig;

/** Hand-over at the registration point: only the operator's own point, only the allowed moves. */
@QuarkusTest
class OperatorApiTest extends ApiTest {

    @Inject
    Journeys journeys;

    @Inject
    Db db;

    @Inject
    AuthKeys keys;

    @Inject
    JwtConfig jwt;

    @Inject
    OperatorsConfig operators;

    private String citizenToken;
    private String applicationId;

    @BeforeEach
    void submitted() {
        Map<String, Object> citizen = newCitizen();
        String iin = (String) citizen.get("iin");
        citizenToken = accessToken(citizen);
        applicationId = given().auth().oauth2(citizenToken).contentType(ContentType.JSON).body(Map.of("channel", "MOBILE"))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        journeys.complete(iin, applicationId, Step.BIOMETRICS);
        Map<String, Object> answers = new HashMap<>();
        answers.put("personalDataConfirmed", true);
        answers.put("contactPhone", "+77017654321");
        answers.put("pickupPointId", "AST-01");
        answers.put("tier", "EXPEDITED");
        given().auth().oauth2(citizenToken).contentType(ContentType.JSON).body(answers)
                .put("/api/v1/applications/{id}/questionnaire", applicationId).then().statusCode(200);
        journeys.finish(iin, applicationId, Step.PAYMENT);
        journeys.finish(iin, applicationId, Step.CONFIRMATION);
    }

    private static String operatorToken(String point) {
        return given().contentType(ContentType.JSON).body(Map.of("pointId", point)).post("/api/v1/sandbox/operator-token")
                .then().statusCode(200).extract().path("accessToken");
    }

    private Response move(String token, String to, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("to", to);
        if (reason != null) {
            body.put("reason", reason);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/operator/applications/{id}/transitions", applicationId);
    }

    /** A move the contract does not allow (no such target, or no reason for a rejection). */
    private Response moveInvalid(String token, String to) {
        return invalid().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("to", to))
                .post("/api/v1/operator/applications/{id}/transitions", applicationId);
    }

    @Test
    void theOperatorOfThePointTakesTheCardFromProductionToHandOver() {
        String operator = operatorToken("AST-01");
        given().auth().oauth2(operator).queryParam("status", "SUBMITTED").get("/api/v1/operator/applications").then()
                .statusCode(200).body("id", hasItem(applicationId));
        move(operator, "IN_PRODUCTION", null).then().statusCode(200).body("status", equalTo("IN_PRODUCTION"));
        move(operator, "READY_FOR_PICKUP", null).then().statusCode(200);
        assertThat(db.count("select count(*) from notification_outbox where dedupe_key = ?", "ready:" + applicationId)).isEqualTo(1);
        move(operator, "ISSUED", "Handed over").then().statusCode(200).body("status", equalTo("ISSUED"));

        given().auth().oauth2(citizenToken).get("/api/v1/applications/{id}", applicationId).then()
                .body("status", equalTo("ISSUED")).body("history[-1].actor", equalTo("operator:sandbox-operator-AST-01"));
        assertThat(db.count("select count(*) from audit_event where subject = ? and event_type = 'OPERATOR_TRANSITION'",
                "application:" + applicationId)).isEqualTo(3);
    }

    @Test
    void anyOtherMoveIsRefused() {
        String operator = operatorToken("AST-01");
        move(operator, "ISSUED", null).then().statusCode(409).body("code", equalTo("TRANSITION_NOT_ALLOWED"));
        moveInvalid(operator, "REJECTED").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        moveInvalid(operator, "SUBMITTED").then().statusCode(400).body("errors[0].field", equalTo("to"));
        move(operator, "REJECTED", "Photo does not meet the requirements").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("statusReason", equalTo("Photo does not meet the requirements"));
        assertThat(db.count("select count(*) from notification_outbox where dedupe_key = ?", "rejected:" + applicationId)).isEqualTo(1);
        move(operator, "IN_PRODUCTION", null).then().statusCode(409);
    }

    @Test
    void anotherPointsOperatorSeesNothingAndMovesNothing() {
        String other = operatorToken("AST-02");
        given().auth().oauth2(other).get("/api/v1/operator/applications").then().statusCode(200)
                .body("id", not(hasItem(applicationId)));
        move(other, "IN_PRODUCTION", null).then().statusCode(404).body("code", equalTo("APPLICATION_NOT_FOUND"));
    }

    @Test
    void citizensAndForgedRolesAreKeptOut() {
        given().auth().oauth2(citizenToken).get("/api/v1/operator/applications").then().statusCode(403);
        move(citizenToken, "IN_PRODUCTION", null).then().statusCode(403);
        given().auth().oauth2(operatorToken("AST-01")).get("/api/v1/me").then().statusCode(403);

        Instant now = Instant.now();
        String ourIssuerClaimingOperator = Jwt.issuer(jwt.issuer()).audience(jwt.audience()).subject("x").groups("operator")
                .claim("point_id", "AST-01").issuedAt(now).expiresAt(now.plusSeconds(600))
                .jws().algorithm(SignatureAlgorithm.ES256).keyId(keys.tokenKeyId()).sign(keys.tokenSigningKey());
        given().auth().oauth2(ourIssuerClaimingOperator).get("/api/v1/operator/applications").then().statusCode(403);

        String operatorWithoutPoint = Jwt.issuer(operators.issuer()).audience(jwt.audience()).subject("x").groups("operator")
                .issuedAt(now).expiresAt(now.plusSeconds(600))
                .jws().algorithm(SignatureAlgorithm.ES256).keyId(keys.tokenKeyId()).sign(keys.tokenSigningKey());
        given().auth().oauth2(operatorWithoutPoint).get("/api/v1/operator/applications").then().statusCode(401);
    }

    @Test
    void parallelMovesHaveOneEffect() throws Exception {
        String operator = operatorToken("AST-01");
        List<Integer> statuses = parallel(10, () -> move(operator, "IN_PRODUCTION", null).statusCode());
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(9);
        assertThat(db.count("select count(*) from application_event where application_id = ?::uuid and to_status = 'IN_PRODUCTION'",
                applicationId)).isEqualTo(1);
    }
}
