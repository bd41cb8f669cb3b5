package kz.egov.idcard.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.security.KeyPair;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.egov.idcard.application.Step;
import kz.egov.idcard.payment.PaymentNotices;
import kz.egov.idcard.support.ApiTest;
import kz.egov.idcard.support.Db;
import kz.egov.idcard.support.Journeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of concurrent duplicates of every request that changes something: exactly one takes
 * effect, the others are refused or get the first answer, and the audit log counts one effect.
 */
@QuarkusTest
class ExactlyOnceTest extends ApiTest {

    /** Duplicates sent at once for each kind of request. */
    private static final int DUPLICATES = Integer.getInteger("duplicates", 200);
    private static final Map<String, Object> FIGURES = new ConcurrentHashMap<>();

    @Inject
    Db db;

    @Inject
    Journeys journeys;

    @Inject
    PaymentNotices notices;

    private Map<String, Object> citizen;
    private String iin;
    private String token;

    @BeforeEach
    void citizen() {
        citizen = newCitizen();
        iin = (String) citizen.get("iin");
        token = accessToken(citizen);
    }

    @AfterAll
    static void report() {
        Reliability.write("exactly-once", new LinkedHashMap<>(FIGURES));
    }

    private static Map<Integer, Long> byStatus(List<Integer> statuses) {
        return statuses.stream().collect(Collectors.groupingBy(Function.identity(), java.util.TreeMap::new, Collectors.counting()));
    }

    private void figures(String what, Map<?, Long> outcomes, long effects) {
        FIGURES.put(what, Map.of("sent", DUPLICATES, "answers", outcomes.toString(), "effects", effects));
    }

    @Test
    void applicationCreateWithoutAKey() throws Exception {
        List<Integer> statuses = parallel(DUPLICATES, () -> given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("channel", "MOBILE")).post("/api/v1/applications").statusCode());
        long created = db.count("select count(*) from application where applicant_iin = ?", iin);
        figures("applicationCreate", byStatus(statuses), created);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 201).containsOnly(409);
        assertThat(created).isEqualTo(1);
        assertThat(db.count("select count(*) from audit_event where actor = ? and event_type = 'APPLICATION_CREATED'", iin)).isEqualTo(1);
    }

    @Test
    void applicationCreateWithOneIdempotencyKey() throws Exception {
        List<String> ids = parallel(DUPLICATES, () -> given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", "retry-" + iin).body(Map.of("channel", "WEB")).post("/api/v1/applications")
                .then().statusCode(201).extract().<String>path("id"));
        long created = db.count("select count(*) from application where applicant_iin = ?", iin);
        figures("applicationCreateSameKey", Map.of("201 with the same id", (long) ids.size()), created);
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(created).isEqualTo(1);
        assertThat(db.count("select count(*) from audit_event where actor = ? and event_type = 'APPLICATION_CREATED'", iin)).isEqualTo(1);
    }

    @Test
    void paymentNotice() throws Exception {
        String id = atStep("MOBILE", Step.PAYMENT);
        Map<String, Object> invoice = given().auth().oauth2(token).post("/api/v1/applications/{id}/payment", id).then().statusCode(201)
                .extract().jsonPath().getMap("");
        String body = "{\"paymentId\":\"P-" + id + "\",\"invoiceNumber\":\"" + invoice.get("number") + "\",\"amount\":"
                + invoice.get("amount") + ",\"currency\":\"KZT\"}";
        String now = String.valueOf(Instant.now().getEpochSecond());
        String signature = notices.sign(now, body);
        List<String> outcomes = parallel(DUPLICATES, () -> given().contentType(ContentType.JSON).body(body)
                .header(PaymentNotices.TIMESTAMP_HEADER, now).header(PaymentNotices.SIGNATURE_HEADER, signature)
                .post("/api/v1/payments/notifications").then().statusCode(200).extract().<String>path("outcome"));
        long applied = db.count("select count(*) from payment_notice where payment_id = ? and outcome = 'APPLIED'", "P-" + id);
        figures("paymentNotice", outcomes.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting())), applied);
        assertThat(outcomes).filteredOn("APPLIED"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !"APPLIED".equals(o)).containsOnly("DUPLICATE");
        assertThat(applied).isEqualTo(1);
        assertThat(db.count("select count(*) from payment_notice where payment_id = ?", "P-" + id)).isEqualTo(DUPLICATES);
        assertThat(db.count("select count(*) from application_event where application_id = ?::uuid and step = 'PAYMENT'", id))
                .isEqualTo(1);
        assertThat(db.count("select count(*) from audit_event where subject = ? and outcome = 'APPLIED'", "invoice:" + invoice.get("number")))
                .isEqualTo(1);
    }

    @Test
    void smsSignatureCode() throws Exception {
        String id = atStep("WEB", Step.SIGNATURE);
        given().auth().oauth2(token).get("/api/v1/applications/{id}/signing-challenge", id).then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("method", "SMS"))
                .post("/api/v1/applications/{id}/signature", id).then().statusCode(202);
        String code = lastCode((String) citizen.get("phone"));
        List<Integer> statuses = parallel(DUPLICATES, () -> given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("code", code)).post("/api/v1/applications/{id}/signature/sms", id).statusCode());
        long signatures = db.count("select count(*) from application_signature where application_id = ?::uuid", id);
        figures("smsSignatureCode", byStatus(statuses), signatures);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 200).containsOnly(409);
        assertThat(signatures).isEqualTo(1);
        assertThat(db.count("select count(*) from audit_event where subject = ? and event_type = 'SIGNATURE_ACCEPTED'",
                "application:" + id)).isEqualTo(1);
    }

    @Test
    void deviceConfirmation() throws Exception {
        KeyPair phone = p256();
        String device = enrolDevice(token, phone, "IOS");
        String id = atStep("MOBILE", Step.PAYMENT);
        journeys.complete(iin, id, Step.PAYMENT);
        String challenge = given().auth().oauth2(token).get("/api/v1/applications/{id}/signing-challenge", id).then().statusCode(200)
                .extract().path("challenge");
        String signature = sign(phone, challenge);
        List<Integer> statuses = parallel(DUPLICATES, () -> given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("method", "DEVICE", "deviceId", device, "signature", signature))
                .post("/api/v1/applications/{id}/confirmation", id).statusCode());
        long signatures = db.count("select count(*) from application_signature where application_id = ?::uuid", id);
        figures("deviceConfirmation", byStatus(statuses), signatures);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 200).containsOnly(409);
        assertThat(signatures).isEqualTo(1);
        assertThat(db.count("select count(*) from application where id = ?::uuid and status = 'SUBMITTED'", id)).isEqualTo(1);
        assertThat(db.count("select count(*) from notification_outbox where dedupe_key like ?", "submitted:" + id + "%")).isGreaterThan(0);
        assertThat(db.count("select count(*) from audit_event where subject = ? and event_type = 'APPLICATION_SUBMITTED'",
                "application:" + id)).isEqualTo(1);
    }

    @Test
    void operatorTransition() throws Exception {
        String id = atStep("MOBILE", Step.PAYMENT);
        journeys.complete(iin, id, Step.PAYMENT);
        journeys.finish(iin, id, Step.CONFIRMATION);
        String operator = given().contentType(ContentType.JSON).body(Map.of("pointId", "AST-01"))
                .post("/api/v1/sandbox/operator-token").then().statusCode(200).extract().path("accessToken");
        List<Integer> statuses = parallel(DUPLICATES, () -> given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("to", "IN_PRODUCTION")).post("/api/v1/operator/applications/{id}/transitions", id).statusCode());
        long moves = db.count("select count(*) from application_event where application_id = ?::uuid and to_status = 'IN_PRODUCTION'", id);
        figures("operatorTransition", byStatus(statuses), moves);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 200).containsOnly(409);
        assertThat(moves).isEqualTo(1);
        assertThat(db.count("select count(*) from audit_event where subject = ? and event_type = 'OPERATOR_TRANSITION'",
                "application:" + id)).isEqualTo(1);
    }

    @Test
    void wrongOtpCodesNeverGetMoreThanTheAllowedAttempts() throws Exception {
        Map<String, Object> someone = newCitizen();
        String phone = (String) someone.get("phone");
        String challenge = requestCode((String) someone.get("iin"), phone).then().statusCode(201).extract().path("challengeId");
        String code = lastCode(phone);
        String wrong = code.equals("000000") ? "111111" : "000000";
        List<Integer> statuses = parallel(DUPLICATES, () -> verify(challenge, wrong).statusCode());
        long attempts = db.count("select failed_attempts from otp_challenge where id = ?::uuid", challenge);
        figures("wrongOtpCodes", byStatus(statuses), attempts);
        assertThat(attempts).isEqualTo(3);
        assertThat(db.count("select count(*) from audit_event where subject = ? and event_type in ('OTP_VERIFY_FAILED', 'OTP_LOCKED')",
                "otp:" + challenge)).isEqualTo(3);
        assertThat(statuses).doesNotContain(200).allMatch(s -> s >= 400 && s < 500);
        verify(challenge, code).then().statusCode(org.hamcrest.Matchers.not(200));
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** An application of the citizen's with every step before {@code step} done. */
    private String atStep(String channel, Step step) {
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("channel", channel))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        journeys.complete(iin, id, Step.BIOMETRICS);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("personalDataConfirmed", true, "contactPhone", "+77011234567", "pickupPointId", "AST-01", "tier", "STANDARD"))
                .put("/api/v1/applications/{id}/questionnaire", id).then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/applications/{id}", id).then().body("nextStep", org.hamcrest.Matchers.equalTo(step.name()));
        return id;
    }
}
