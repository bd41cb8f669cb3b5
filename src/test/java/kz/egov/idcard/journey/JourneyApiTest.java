package kz.egov.idcard.journey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import kz.egov.idcard.notification.Notifications;
import kz.egov.idcard.payment.PaymentNotices;
import kz.egov.idcard.sandbox.SandboxSmsGateway;
import kz.egov.idcard.sms.SmsGateway;
import kz.egov.idcard.support.ApiTest;
import kz.egov.idcard.support.Db;
import kz.egov.idcard.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Both channels end to end through the API, with real keys made in the test, and every refusal on the way. */
@QuarkusTest
class JourneyApiTest extends ApiTest {

    @Inject
    Db db;

    @Inject
    MovableClock clock;

    @Inject
    Notifications notifications;

    @Inject
    PaymentNotices notices;

    @Inject
    @kz.egov.idcard.common.adapters.Adapter("sandbox")
    SandboxSmsGateway sandboxSms;

    private Map<String, Object> citizen;
    private String token;
    private KeyPair phoneKey;
    private String deviceId;

    @BeforeEach
    void citizenWithPhoneKey() throws Exception {
        citizen = newCitizen();
        token = accessToken(citizen);
        phoneKey = p256();
        deviceId = enrolDevice(token, phoneKey, "IOS");
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    // --- the two channels ---------------------------------------------------------------------

    @Test
    void mobileFaceQuestionnairePayFaceIdIsSubmittedWithItsReadyOnDateAndAnSms() throws Throwable {
        String id = draftUpToQuestionnaire("MOBILE", "EXPEDITED");

        Map<String, Object> invoice = given().auth().oauth2(token).post("/api/v1/applications/{id}/payment", id).then()
                .statusCode(201).body("amount", equalTo(1771.00f)).body("currency", equalTo("KZT"))
                .body("status", equalTo("OPEN")).body("payUrl", startsWith("https://"))
                .extract().jsonPath().getMap("");
        given().auth().oauth2(token).post("/api/v1/applications/{id}/payment", id).then().statusCode(200)
                .body("invoiceId", equalTo(invoice.get("invoiceId")));

        pay((String) invoice.get("invoiceId"), null).then().statusCode(200).body("outcome", equalTo("APPLIED"));
        given().auth().oauth2(token).get("/api/v1/applications/{id}/payment", id).then().body("status", equalTo("PAID"));
        given().auth().oauth2(token).get("/api/v1/applications/{id}", id).then().body("nextStep", equalTo("CONFIRMATION"));

        String challenge = challenge(id).then().statusCode(200).body("step", equalTo("CONFIRMATION"))
                .body("methods", equalTo(List.of("DEVICE"))).extract().path("challenge");
        String expectedReadyOn = given().queryParam("tier", "EXPEDITED").get("/api/v1/fees/quote").then().extract().path("readyOn");
        deviceSign(id, "confirmation", sign(phoneKey, challenge)).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("readyOn", equalTo(expectedReadyOn))
                .body("submittedAt", notNullValue()).body("nextStep", equalTo(null))
                .body("completedSteps", equalTo(List.of("BIOMETRICS", "QUESTIONNAIRE", "PAYMENT", "CONFIRMATION")));

        assertThat(db.count("select count(*) from notification_outbox where dedupe_key = ? and status = 'PENDING'",
                "submitted:" + id)).isEqualTo(1);
        VertxContextSupport.subscribeAndAwait(notifications::dispatch);
        given().queryParam("iin", citizen.get("iin")).get("/api/v1/sandbox/push").then().statusCode(200)
                .body("[0].body", containsString(expectedReadyOn));
        given().queryParam("phone", "+77011234567").get("/api/v1/sandbox/sms").then()
                .body("[0].text", containsString(expectedReadyOn)).body("[0].text", containsString("Сауран"));
        assertThat(db.count("select count(*) from audit_event where subject = ? and event_type in "
                + "('SIGNATURE_ACCEPTED', 'APPLICATION_SUBMITTED', 'INVOICE_CREATED')", "application:" + id)).isEqualTo(3);
    }

    @Test
    void webFaceQuestionnaireDeviceSignatureThenPaymentIsSubmitted() {
        String id = draftUpToQuestionnaire("WEB", "URGENT");
        given().auth().oauth2(token).post("/api/v1/applications/{id}/payment", id).then().statusCode(409)
                .body("code", equalTo("STEP_OUT_OF_ORDER")).body("expectedStep", equalTo("SIGNATURE"));
        String challenge = challenge(id).then().statusCode(200).body("step", equalTo("SIGNATURE")).extract().path("challenge");
        deviceSign(id, "signature", sign(phoneKey, challenge)).then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("nextStep", equalTo("PAYMENT"));
        String invoice = given().auth().oauth2(token).post("/api/v1/applications/{id}/payment", id).then().statusCode(201)
                .body("amount", equalTo(3372.00f)).extract().path("invoiceId");
        pay(invoice, null).then().body("outcome", equalTo("APPLIED"));
        given().auth().oauth2(token).get("/api/v1/applications/{id}", id).then()
                .body("status", equalTo("SUBMITTED")).body("readyOn", notNullValue());
    }

    // --- signing refusals ------------------------------------------------------------------------

    @Test
    void aSignatureNeedsAnOpenChallenge() {
        String id = draftUpToQuestionnaire("WEB", "STANDARD");
        deviceSign(id, "signature", "AAAA").then().statusCode(409).body("code", equalTo("SIGNING_CHALLENGE_REQUIRED"));
    }

    @Test
    void aSignatureByAnotherKeyIsRefusedAndAudited() throws Exception {
        String id = draftUpToQuestionnaire("WEB", "STANDARD");
        String challenge = challenge(id).then().extract().path("challenge");
        deviceSign(id, "signature", sign(p256(), challenge)).then().statusCode(422).body("code", equalTo("SIGNATURE_INVALID"));
        deviceSign(id, "signature", sign(phoneKey, challenge + "tampered")).then().statusCode(422);
        assertThat(db.count("select count(*) from audit_event where subject = ? and event_type = 'SIGNATURE_REJECTED'",
                "application:" + id)).isEqualTo(2);
        deviceSign(id, "signature", sign(phoneKey, challenge)).then().statusCode(200);
    }

    @Test
    void aRawR64SignatureIsAcceptedToo() throws Exception {
        String id = draftUpToQuestionnaire("WEB", "STANDARD");
        String challenge = challenge(id).then().extract().path("challenge");
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(phoneKey.getPrivate());
        signer.update(challenge.getBytes(StandardCharsets.UTF_8));
        deviceSign(id, "signature", Base64.getEncoder().encodeToString(signer.sign())).then().statusCode(200);
    }

    @Test
    void anotherCitizensDeviceCannotSign() throws Exception {
        String id = draftUpToQuestionnaire("WEB", "STANDARD");
        String challenge = challenge(id).then().extract().path("challenge");
        Map<String, Object> other = newCitizen();
        String otherToken = accessToken(other);
        KeyPair otherKey = p256();
        String otherDevice = given().auth().oauth2(otherToken).contentType(ContentType.JSON)
                .body(Map.of("publicKey", Base64.getEncoder().encodeToString(otherKey.getPublic().getEncoded()),
                        "platform", "ANDROID", "name", "Pixel"))
                .post("/api/v1/devices").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("method", "DEVICE", "deviceId", otherDevice, "signature", sign(otherKey, challenge)))
                .post("/api/v1/applications/{id}/signature", id).then().statusCode(404).body("code", equalTo("DEVICE_NOT_FOUND"));
        given().auth().oauth2(otherToken).get("/api/v1/applications/{id}/signing-challenge", id).then().statusCode(404);
    }

    @Test
    void aChangeOfTheQuestionnaireAfterTheChallengeOrTheSignatureNeedsANewSignature() {
        String id = draftUpToQuestionnaire("WEB", "STANDARD");
        String stale = challenge(id).then().extract().path("challenge");
        questionnaire(id, "AST-02", "STANDARD");
        deviceSign(id, "signature", sign(phoneKey, stale)).then().statusCode(409).body("code", equalTo("SIGNED_CONTENT_CHANGED"));

        String fresh = challenge(id).then().extract().path("challenge");
        deviceSign(id, "signature", sign(phoneKey, fresh)).then().statusCode(200).body("nextStep", equalTo("PAYMENT"));
        questionnaire(id, "AST-01", "STANDARD").then().body("nextStep", equalTo("SIGNATURE"));
        assertThat(db.count("select count(*) from application_signature where application_id = ?::uuid and valid", id)).isZero();
    }

    @Test
    void aChallengeExpires() {
        String id = draftUpToQuestionnaire("WEB", "STANDARD");
        String challenge = challenge(id).then().extract().path("challenge");
        clock.advance(Duration.ofMinutes(6));
        deviceSign(id, "signature", sign(phoneKey, challenge)).then().statusCode(409).body("code", equalTo("SIGNING_CHALLENGE_EXPIRED"));
    }

    @Test
    void aSignatureCountsOnceEvenSentTwiceAtOnce() throws Exception {
        String id = draftUpToQuestionnaire("WEB", "STANDARD");
        String signature = sign(phoneKey, challenge(id).then().extract().path("challenge"));
        List<Integer> statuses = parallel(8, () -> deviceSign(id, "signature", signature).statusCode());
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).allMatch(s -> s == 200 || s == 409);
        assertThat(db.count("select count(*) from application_signature where application_id = ?::uuid", id)).isEqualTo(1);
    }

    @Test
    void onTheWebACodeSentBySmsSignsTheChallenge() {
        String id = draftUpToQuestionnaire("WEB", "STANDARD");
        challenge(id).then().body("methods", equalTo(List.of("EDS", "SMS", "DEVICE")));
        String phone = (String) citizen.get("phone");
        smsSign(id).then().statusCode(202).body("method", equalTo("SMS"))
                .body("maskedPhone", equalTo("+7 705 *** ** " + phone.substring(10)));
        smsSign(id).then().statusCode(429).body("code", equalTo("OTP_RESEND_COOLDOWN"));
        String code = lastCode(phone);
        String wrong = code.equals("000000") ? "111111" : "000000";
        smsCode(id, wrong).then().statusCode(400).body("code", equalTo("OTP_INVALID")).body("attemptsLeft", equalTo(2));
        smsCode(id, code).then().statusCode(200).body("nextStep", equalTo("PAYMENT"));
        assertThat(db.rows("select method, valid from application_signature where application_id = ?::uuid", id))
                .extracting(row -> row.get("method")).containsExactly("SMS");
    }

    @Test
    void onTheWebAnEdsFromTheSandboxCaSignsTheChallenge() throws Exception {
        String id = draftUpToQuestionnaire("WEB", "STANDARD");
        String challenge = challenge(id).then().body("methods", equalTo(List.of("EDS", "SMS", "DEVICE"))).extract().path("challenge");
        Map<String, Object> issued = given().contentType(ContentType.JSON).body(Map.of("iin", citizen.get("iin")))
                .post("/api/v1/sandbox/eds/certificates").then().statusCode(200).extract().jsonPath().getMap("");
        edsSign(id, Eds.cms(issued, challenge, true)).then().statusCode(200).body("nextStep", equalTo("PAYMENT"));
        assertThat(db.rows("select method from application_signature where application_id = ?::uuid", id))
                .extracting(row -> row.get("method")).containsExactly("EDS");
    }

    @Test
    void aDetachedEdsSignatureWorksToo() throws Exception {
        String id = draftUpToQuestionnaire("WEB", "STANDARD");
        String challenge = challenge(id).then().extract().path("challenge");
        Map<String, Object> issued = given().contentType(ContentType.JSON).body(Map.of("iin", citizen.get("iin")))
                .post("/api/v1/sandbox/eds/certificates").then().extract().jsonPath().getMap("");
        edsSign(id, Eds.cms(issued, challenge, false)).then().statusCode(200);
    }

    @Test
    void anEdsOfAnotherPersonAnUntrustedCaOrOtherContentIsRefusedWithItsReason() throws Exception {
        String id = draftUpToQuestionnaire("WEB", "STANDARD");
        String challenge = challenge(id).then().extract().path("challenge");
        Map<String, Object> someoneElse = given().contentType(ContentType.JSON).body(Map.of("iin", "900101300017"))
                .post("/api/v1/sandbox/eds/certificates").then().extract().jsonPath().getMap("");
        edsSign(id, Eds.cms(someoneElse, challenge, true)).then().statusCode(422)
                .body("code", equalTo("EDS_INVALID")).body("reason", equalTo("NOT_THE_APPLICANT"));
        edsSign(id, Eds.cms(Eds.selfSigned((String) citizen.get("iin")), challenge, true)).then().statusCode(422)
                .body("reason", equalTo("NOT_TRUSTED"));
        Map<String, Object> mine = given().contentType(ContentType.JSON).body(Map.of("iin", citizen.get("iin")))
                .post("/api/v1/sandbox/eds/certificates").then().extract().jsonPath().getMap("");
        edsSign(id, Eds.cms(mine, challenge + " and something else", true)).then().statusCode(422)
                .body("reason", equalTo("CONTENT_MISMATCH"));
        edsSign(id, Base64.getEncoder().encodeToString("garbage".getBytes())).then().statusCode(422)
                .body("reason", equalTo("MALFORMED"));
        assertThat(db.count("select count(*) from audit_event where subject = ? and event_type = 'SIGNATURE_REJECTED'",
                "application:" + id)).isEqualTo(4);
        edsSign(id, Eds.cms(mine, challenge, true)).then().statusCode(200);
    }

    private Response edsSign(String id, String cms) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("method", "EDS", "cms", cms))
                .post("/api/v1/applications/{id}/signature", id);
    }

    @Test
    void threeWrongSmsCodesKillTheChallenge() {
        String id = draftUpToQuestionnaire("WEB", "STANDARD");
        challenge(id).then().statusCode(200);
        smsSign(id).then().statusCode(202);
        String code = lastCode((String) citizen.get("phone"));
        String wrong = code.equals("000000") ? "111111" : "000000";
        smsCode(id, wrong).then().statusCode(400);
        smsCode(id, wrong).then().statusCode(400).body("attemptsLeft", equalTo(1));
        smsCode(id, wrong).then().statusCode(410).body("code", equalTo("OTP_LOCKED"));
        smsCode(id, code).then().statusCode(409).body("code", equalTo("SIGNING_CHALLENGE_REQUIRED"));
    }

    @Test
    void mobileConfirmsOnlyWithTheDeviceKey() {
        String id = draftUpToQuestionnaire("MOBILE", "EXPEDITED");
        smsSign(id).then().statusCode(409).body("code", equalTo("STEP_OUT_OF_ORDER"));
    }

    private Response smsSign(String id) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("method", "SMS"))
                .post("/api/v1/applications/{id}/signature", id);
    }

    private Response smsCode(String id, String code) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("code", code))
                .post("/api/v1/applications/{id}/signature/sms", id);
    }

    // --- payment refusals and duplicates ---------------------------------------------------------

    @Test
    void aWrongAmountIsRefusedAndRecordedAndTheInvoiceStaysOpen() {
        String id = draftUpToQuestionnaire("MOBILE", "EXPEDITED");
        String invoice = given().auth().oauth2(token).post("/api/v1/applications/{id}/payment", id).then().extract().path("invoiceId");
        pay(invoice, "100.00").then().statusCode(200).body("outcome", equalTo("AMOUNT_MISMATCH")).body("status", equalTo(422));
        given().auth().oauth2(token).get("/api/v1/applications/{id}/payment", id).then().body("status", equalTo("OPEN"));
        given().auth().oauth2(token).get("/api/v1/applications/{id}", id).then().body("nextStep", equalTo("PAYMENT"));
        assertThat(db.count("select count(*) from payment_notice n join invoice i on i.number = n.invoice_number "
                + "where i.id = ?::uuid and n.outcome = 'AMOUNT_MISMATCH'", invoice)).isEqualTo(1);
    }

    @Test
    void noticesMustBeAuthenticAndFreshAndAreStoredEvenWhenRefused() {
        String body = "{\"paymentId\":\"P-FORGED-1\",\"invoiceNumber\":\"IDC-X\",\"amount\":1.00,\"currency\":\"KZT\"}";
        String now = String.valueOf(java.time.Instant.now().getEpochSecond());
        notice(body, now, "00".repeat(32)).then().statusCode(401).body("code", equalTo("NOTICE_SIGNATURE_INVALID"));
        invalid().contentType(ContentType.JSON).body(body).header(PaymentNotices.TIMESTAMP_HEADER, now)
                .post("/api/v1/payments/notifications").then().statusCode(401);
        String old = String.valueOf(java.time.Instant.now().minusSeconds(600).getEpochSecond());
        notice(body, old, notices.sign(old, body)).then().statusCode(401).body("code", equalTo("NOTICE_TIMESTAMP_INVALID"));
        notice(body, now, notices.sign(now, body)).then().statusCode(404).body("code", equalTo("INVOICE_NOT_FOUND"));
        invalid().contentType(ContentType.JSON).body("{not json").header(PaymentNotices.TIMESTAMP_HEADER, now)
                .header(PaymentNotices.SIGNATURE_HEADER, notices.sign(now, "{not json"))
                .post("/api/v1/payments/notifications").then().statusCode(400);
        assertThat(db.rows("select outcome from payment_notice where convert_from(raw_body, 'UTF8') = ? order by id", body))
                .extracting(row -> row.get("outcome"))
                .containsExactly("BAD_SIGNATURE", "BAD_SIGNATURE", "STALE_TIMESTAMP", "UNKNOWN_INVOICE");
    }

    @Test
    void theSameNoticeManyTimesAtOnceHasOneEffect() throws Exception {
        String id = draftUpToQuestionnaire("MOBILE", "EXPEDITED");
        Map<String, Object> invoice = given().auth().oauth2(token).post("/api/v1/applications/{id}/payment", id).then()
                .extract().jsonPath().getMap("");
        String body = "{\"paymentId\":\"P-" + id + "\",\"invoiceNumber\":\"" + invoice.get("number")
                + "\",\"amount\":1771.00,\"currency\":\"KZT\"}";
        String now = String.valueOf(java.time.Instant.now().getEpochSecond());
        String signature = notices.sign(now, body);
        List<String> outcomes = parallel(20, () -> notice(body, now, signature).then().statusCode(200).extract().<String>path("outcome"));
        assertThat(outcomes).filteredOn("APPLIED"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("DUPLICATE"::equals).hasSize(19);
        assertThat(db.count("select count(*) from payment_notice where payment_id = ?", "P-" + id)).isEqualTo(20);
        assertThat(db.count("select count(*) from audit_event where subject = ? and outcome = 'APPLIED'",
                "invoice:" + invoice.get("number"))).isEqualTo(1);
        given().auth().oauth2(token).get("/api/v1/applications/{id}", id).then().body("nextStep", equalTo("CONFIRMATION"));
    }

    @Test
    void theSandboxBanksRetryOfOnePaymentWithItsIdempotencyKeyTakesEffectOnce() {
        String id = draftUpToQuestionnaire("MOBILE", "EXPEDITED");
        String invoice = given().auth().oauth2(token).post("/api/v1/applications/{id}/payment", id).then().extract().path("invoiceId");
        given().contentType(ContentType.JSON).header("Idempotency-Key", "bank-retry").body(Map.of())
                .post("/api/v1/sandbox/payments/{id}/pay", invoice).then().statusCode(200).body("outcome", equalTo("APPLIED"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", "bank-retry").body(Map.of())
                .post("/api/v1/sandbox/payments/{id}/pay", invoice).then().statusCode(200).body("outcome", equalTo("DUPLICATE"));
        assertThat(db.count("select count(*) from payment_notice n join invoice i on i.number = n.invoice_number "
                + "where i.id = ?::uuid and n.outcome in ('APPLIED', 'REFUND_REQUESTED')", invoice)).isEqualTo(1);
    }

    @Test
    void moneyForAnInvoiceThatCanNoLongerBePaidIsRefundedByItself() {
        String id = draftUpToQuestionnaire("MOBILE", "EXPEDITED");
        String invoice = given().auth().oauth2(token).post("/api/v1/applications/{id}/payment", id).then().extract().path("invoiceId");
        pay(invoice, null).then().body("outcome", equalTo("APPLIED"));
        pay(invoice, null).then().statusCode(200).body("outcome", equalTo("REFUND_REQUESTED"));

        String second = draftUpToQuestionnaireForNewCitizen();
        clock.advance(Duration.ofHours(25));
        pay(second, null).then().body("outcome", equalTo("REFUND_REQUESTED"));
    }

    @Test
    void aSigningCodeTheGatewayDidNotTakeStartsNoCooldownAndSignsNothing() {
        String id = draftUpToQuestionnaire("WEB", "STANDARD");
        challenge(id).then().statusCode(200);
        QuarkusMock.installMockForType(new SmsGateway() {
            @Override
            public Uni<Void> send(String phone, String text) {
                return Uni.createFrom().failure(new kz.egov.idcard.common.error.ApiException(
                        kz.egov.idcard.common.error.ErrorCode.SMS_UNAVAILABLE).retryAfter(30));
            }
        }, SmsGateway.class);
        smsSign(id).then().statusCode(503).body("code", equalTo("SMS_UNAVAILABLE"));
        assertThat(db.rows("select sms_code_hash, sms_sent_at from signing_challenge where application_id = ?::uuid and used_at is null",
                id)).allSatisfy(row -> assertThat(row).containsEntry("sms_code_hash", null).containsEntry("sms_sent_at", null));
        QuarkusMock.installMockForType(sandboxSms, SmsGateway.class);
        smsSign(id).then().statusCode(202);
    }

    @Test
    void anSmsThatFailsIsRetriedWithBackOffUntilItGoesOut() throws Throwable {
        AtomicInteger calls = new AtomicInteger();
        QuarkusMock.installMockForType(new SmsGateway() {
            @Override
            public Uni<Void> send(String phone, String text) {
                if (calls.incrementAndGet() <= 2) {
                    return Uni.createFrom().failure(new IllegalStateException("gateway down"));
                }
                return sandboxSms.send(phone, text);
            }
        }, SmsGateway.class);
        String id = draftUpToQuestionnaire("WEB", "EXPEDITED");
        deviceSign(id, "signature", sign(phoneKey, challenge(id).then().extract().path("challenge"))).then().statusCode(200);
        pay(given().auth().oauth2(token).post("/api/v1/applications/{id}/payment", id).then().extract().path("invoiceId"), null);

        VertxContextSupport.subscribeAndAwait(notifications::dispatch);
        Map<String, Object> row = db.rows("select * from notification_outbox where dedupe_key = ?", "submitted:" + id).get(0);
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat(row.get("attempts")).isEqualTo(1);

        VertxContextSupport.subscribeAndAwait(notifications::dispatch);
        assertThat(calls.get()).as("not retried before its back-off").isEqualTo(1);

        clock.advance(Duration.ofSeconds(11));
        VertxContextSupport.subscribeAndAwait(notifications::dispatch);
        clock.advance(Duration.ofSeconds(21));
        VertxContextSupport.subscribeAndAwait(notifications::dispatch);
        row = db.rows("select * from notification_outbox where dedupe_key = ?", "submitted:" + id).get(0);
        assertThat(row.get("status")).isEqualTo("SENT");
        assertThat(row.get("attempts")).isEqualTo(3);
        assertThat(calls.get()).isEqualTo(3);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private String draftUpToQuestionnaire(String channel, String tier) {
        String iin = (String) citizen.get("iin");
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("channel", channel))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        String photo = Base64.getEncoder().encodeToString(given().get("/api/v1/sandbox/citizens/{iin}/reference-photo", iin)
                .then().statusCode(200).extract().asByteArray());
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("selfie", photo))
                .post("/api/v1/applications/{id}/biometrics", id).then().statusCode(200).body("result", equalTo("MATCH"));
        questionnaire(id, "AST-01", tier).then().statusCode(200);
        return id;
    }

    /** A second citizen's draft up to an open invoice; returns the invoice id. */
    private String draftUpToQuestionnaireForNewCitizen() {
        citizen = newCitizen();
        token = accessToken(citizen);
        String id = draftUpToQuestionnaire("MOBILE", "EXPEDITED");
        return given().auth().oauth2(token).post("/api/v1/applications/{id}/payment", id).then().statusCode(201)
                .extract().path("invoiceId");
    }

    private Response questionnaire(String id, String point, String tier) {
        Map<String, Object> body = new HashMap<>();
        body.put("personalDataConfirmed", true);
        body.put("contactPhone", "+77011234567");
        body.put("pickupPointId", point);
        body.put("tier", tier);
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put("/api/v1/applications/{id}/questionnaire", id);
    }

    private Response challenge(String id) {
        return given().auth().oauth2(token).get("/api/v1/applications/{id}/signing-challenge", id);
    }

    private Response deviceSign(String id, String endpoint, String signature) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("method", "DEVICE", "deviceId", deviceId, "signature", signature))
                .post("/api/v1/applications/{id}/" + endpoint, id);
    }

    private static Response pay(String invoiceId, String amount) {
        return given().contentType(ContentType.JSON).body(amount == null ? Map.of() : Map.of("amount", new java.math.BigDecimal(amount)))
                .post("/api/v1/sandbox/payments/{id}/pay", invoiceId);
    }

    private static Response notice(String body, String timestamp, String signature) {
        var request = given().contentType(ContentType.JSON).body(body).header(PaymentNotices.TIMESTAMP_HEADER, timestamp);
        if (signature != null) {
            request.header(PaymentNotices.SIGNATURE_HEADER, signature);
        }
        return request.post("/api/v1/payments/notifications");
    }
}
