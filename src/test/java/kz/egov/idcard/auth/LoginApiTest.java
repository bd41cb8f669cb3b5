package kz.egov.idcard.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kz.egov.idcard.support.ApiTest;
import kz.egov.idcard.support.Db;
import kz.egov.idcard.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LoginApiTest extends ApiTest {

    @Inject
    MovableClock clock;

    @Inject
    Db db;

    @Inject
    @kz.egov.idcard.common.adapters.Adapter("sandbox")
    kz.egov.idcard.sandbox.SandboxSmsGateway sandboxSms;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aCitizenLogsInWithTheCodeFromTheSmsAndSeesTheirCard() {
        Map<String, Object> citizen = newCitizen();
        String iin = (String) citizen.get("iin");
        String phone = (String) citizen.get("phone");

        String challenge = requestCode(iin, phone).then().statusCode(201)
                .body("maskedPhone", equalTo("+7 705 *** ** " + phone.substring(10)))
                .body("expiresAt", notNullValue())
                .extract().path("challengeId");
        String token = verify(challenge, lastCode(phone)).then().statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(900))
                .extract().path("accessToken");

        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200)
                .body("iin", equalTo(iin))
                .body("lastName", equalTo("Тестов"))
                .body("idCard.number", equalTo(citizen.get("idCard") instanceof Map<?, ?> card ? card.get("number") : null))
                .body("maskedPhone", equalTo("+7 705 *** ** " + phone.substring(10)));
    }

    @Test
    void theSmsSaysTheCodeInTheCallersLanguage() {
        Map<String, Object> citizen = newCitizen();
        given().contentType(ContentType.JSON).header("Accept-Language", "kk")
                .body(Map.of("iin", citizen.get("iin"), "phone", citizen.get("phone")))
                .post("/api/v1/auth/otp").then().statusCode(201);
        given().queryParam("phone", citizen.get("phone")).get("/api/v1/sandbox/sms").then()
                .body("[0].text", org.hamcrest.Matchers.containsString("кіру коды"));
    }

    @Test
    void aPhoneNotRegisteredToTheIinGetsNoCode() {
        Map<String, Object> citizen = newCitizen();
        String otherPhone = newPhone();
        requestCode((String) citizen.get("iin"), otherPhone).then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("PHONE_NOT_REGISTERED"));
        assertThat(smsCount(otherPhone)).isZero();
        assertThat(smsCount((String) citizen.get("phone"))).isZero();
        assertThat(db.count("select count(*) from audit_event where actor = ? and event_type = 'OTP_REFUSED'", citizen.get("iin")))
                .isEqualTo(1);
    }

    @Test
    void aWrongIinOrPhoneIsAValidationProblemNamingTheFields() {
        invalid().contentType(ContentType.JSON).body(Map.of("iin", "900101300018", "phone", "87011234567"))
                .post("/api/v1/auth/otp").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of("iin", "phone")))
                .body("errors.code", equalTo(List.of("INVALID_IIN", "INVALID_PHONE")));
        invalid().contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/auth/otp").then().statusCode(400)
                .body("errors.field", equalTo(List.of("iin", "phone")))
                .body("errors.code", equalTo(List.of("REQUIRED", "REQUIRED")));
    }

    @Test
    void asksToWaitBeforeResendingAndAllowsItAfterTheCooldown() {
        Map<String, Object> citizen = newCitizen();
        String iin = (String) citizen.get("iin");
        String phone = (String) citizen.get("phone");
        requestCode(iin, phone).then().statusCode(201);

        clock.advance(Duration.ofSeconds(30));
        requestCode(iin, phone).then().statusCode(429)
                .header("Retry-After", equalTo("30"))
                .body("code", equalTo("OTP_RESEND_COOLDOWN"))
                .body("retryAfterSeconds", equalTo(30));
        assertThat(smsCount(phone)).isEqualTo(1);

        clock.advance(Duration.ofSeconds(31));
        requestCode(iin, phone).then().statusCode(201);
        assertThat(smsCount(phone)).isEqualTo(2);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheSameChallengeAndNoSecondSms() {
        Map<String, Object> citizen = newCitizen();
        Map<String, String> body = Map.of("iin", (String) citizen.get("iin"), "phone", (String) citizen.get("phone"));
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", "login-retry-1").body(body)
                .post("/api/v1/auth/otp").then().statusCode(201).header("Idempotent-Replayed", "false")
                .extract().path("challengeId");
        clock.advance(Duration.ofSeconds(5));
        given().contentType(ContentType.JSON).header("Idempotency-Key", "login-retry-1").body(body)
                .post("/api/v1/auth/otp").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("challengeId", equalTo(first));
        assertThat(smsCount((String) citizen.get("phone"))).isEqualTo(1);
        verify(first, lastCode((String) citizen.get("phone"))).then().statusCode(200);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyOfACodeThatNeverWentOutSendsAFreshCodeForTheSameChallenge() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        io.quarkus.test.junit.QuarkusMock.installMockForType(new kz.egov.idcard.sms.SmsGateway() {
            @Override
            public io.smallrye.mutiny.Uni<Void> send(String phone, String text) {
                return calls.incrementAndGet() == 1
                        ? io.smallrye.mutiny.Uni.createFrom().failure(new kz.egov.idcard.common.error.ApiException(
                                kz.egov.idcard.common.error.ErrorCode.SMS_UNAVAILABLE))
                        : sandboxSms.send(phone, text);
            }
        }, kz.egov.idcard.sms.SmsGateway.class);
        Map<String, Object> citizen = newCitizen();
        String phone = (String) citizen.get("phone");
        Map<String, String> body = Map.of("iin", (String) citizen.get("iin"), "phone", phone);
        given().contentType(ContentType.JSON).header("Idempotency-Key", "login-retry-2").body(body)
                .post("/api/v1/auth/otp").then().statusCode(503).body("code", equalTo("SMS_UNAVAILABLE"));
        String challenge = given().contentType(ContentType.JSON).header("Idempotency-Key", "login-retry-2").body(body)
                .post("/api/v1/auth/otp").then().statusCode(201).header("Idempotent-Replayed", "true")
                .extract().path("challengeId");
        assertThat(smsCount(phone)).isEqualTo(1);
        verify(challenge, lastCode(phone)).then().statusCode(200);
    }

    @Test
    void aCitizenWhoseLoginAnswerWasLostCanAskForANewCodeAtOnce() {
        Map<String, Object> citizen = newCitizen();
        String iin = (String) citizen.get("iin");
        String phone = (String) citizen.get("phone");
        String challenge = requestCode(iin, phone).then().statusCode(201).extract().path("challengeId");
        verify(challenge, lastCode(phone)).then().statusCode(200);
        clock.advance(Duration.ofSeconds(5));
        requestCode(iin, phone).then().statusCode(201);
    }

    @Test
    void limitsCodesPerPhoneToFiveAnHour() {
        Map<String, Object> citizen = newCitizen();
        String iin = (String) citizen.get("iin");
        String phone = (String) citizen.get("phone");
        for (int i = 0; i < 5; i++) {
            requestCode(iin, phone).then().statusCode(201);
            clock.advance(Duration.ofSeconds(61));
        }
        requestCode(iin, phone).then().statusCode(429).body("code", equalTo("OTP_RATE_LIMITED"));
        assertThat(smsCount(phone)).isEqualTo(5);

        clock.advance(Duration.ofMinutes(56));
        requestCode(iin, phone).then().statusCode(201);
    }

    @Test
    void limitsRequestsPerIinEvenWhenEachIsRefused() {
        Map<String, Object> citizen = newCitizen();
        String iin = (String) citizen.get("iin");
        for (int i = 0; i < 10; i++) {
            requestCode(iin, newPhone()).then().statusCode(422);
        }
        requestCode(iin, (String) citizen.get("phone")).then().statusCode(429).body("code", equalTo("OTP_RATE_LIMITED"));
        assertThat(smsCount((String) citizen.get("phone"))).isZero();
    }

    @Test
    void threeWrongCodesKillTheChallenge() {
        Map<String, Object> citizen = newCitizen();
        String phone = (String) citizen.get("phone");
        String challenge = requestCode((String) citizen.get("iin"), phone).then().statusCode(201).extract().path("challengeId");
        String right = lastCode(phone);
        String wrong = right.equals("000000") ? "111111" : "000000";

        verify(challenge, wrong).then().statusCode(400).body("code", equalTo("OTP_INVALID")).body("attemptsLeft", equalTo(2));
        verify(challenge, wrong).then().statusCode(400).body("attemptsLeft", equalTo(1));
        verify(challenge, wrong).then().statusCode(410).body("code", equalTo("OTP_LOCKED")).body("attemptsLeft", equalTo(0));
        verify(challenge, right).then().statusCode(410).body("code", equalTo("OTP_LOCKED"));

        assertThat(db.count("select count(*) from audit_event where subject = ? and event_type = 'OTP_VERIFY_FAILED'",
                "otp:" + challenge)).isEqualTo(2);
        assertThat(db.count("select count(*) from audit_event where subject = ? and event_type = 'OTP_LOCKED'",
                "otp:" + challenge)).isEqualTo(1);
    }

    @Test
    void aCodeExpiresAfterFiveMinutes() {
        Map<String, Object> citizen = newCitizen();
        String phone = (String) citizen.get("phone");
        String challenge = requestCode((String) citizen.get("iin"), phone).then().extract().path("challengeId");
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        verify(challenge, lastCode(phone)).then().statusCode(410).body("code", equalTo("OTP_EXPIRED"));
    }

    @Test
    void aCodeLogsInOnlyOnce() {
        Map<String, Object> citizen = newCitizen();
        String phone = (String) citizen.get("phone");
        String challenge = requestCode((String) citizen.get("iin"), phone).then().extract().path("challengeId");
        String code = lastCode(phone);
        verify(challenge, code).then().statusCode(200);
        verify(challenge, code).then().statusCode(410).body("code", equalTo("OTP_ALREADY_USED"));
    }

    @Test
    void anUnknownOrMalformedChallengeIsNotFound() {
        verify("6f1c2a9e-0000-4000-8000-000000000000", "123456").then().statusCode(404)
                .body("code", equalTo("OTP_CHALLENGE_NOT_FOUND"));
        invalid().contentType(ContentType.JSON).body(Map.of("code", "123456")).post("/api/v1/auth/otp/{id}/verify", "not-a-uuid")
                .then().statusCode(404).body("code", equalTo("OTP_CHALLENGE_NOT_FOUND"));
    }

    @Test
    void aCodeThatIsNotSixDigitsIsAValidationProblem() {
        invalid().contentType(ContentType.JSON).body(Map.of("code", "12345"))
                .post("/api/v1/auth/otp/{id}/verify", "6f1c2a9e-0000-4000-8000-000000000000").then().statusCode(400)
                .body("errors[0].field", equalTo("code")).body("errors[0].code", equalTo("INVALID_OTP_FORMAT"));
    }

    @Test
    void theCodeIsStoredOnlyAsAKeyedHash() {
        Map<String, Object> citizen = newCitizen();
        String phone = (String) citizen.get("phone");
        String challenge = requestCode((String) citizen.get("iin"), phone).then().extract().path("challengeId");
        String code = lastCode(phone);
        Map<String, Object> row = db.rows("select * from otp_challenge where id = ?::uuid", challenge).get(0);
        byte[] hash = (byte[]) row.get("code_hash");
        assertThat(hash).hasSize(32);
        assertThat(new String(hash, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(code);
        assertThat(row.values().stream().map(String::valueOf)).noneMatch(value -> value.contains(code));
        assertThat(db.rows("select * from audit_event where subject = ?", "otp:" + challenge))
                .allSatisfy(event -> assertThat(String.valueOf(event.get("details"))).doesNotContain(code));
    }

    @Test
    void refreshRotatesThePairAndAReusedTokenEndsTheWholeSession() {
        Map<String, Object> citizen = newCitizen();
        Map<String, Object> tokens = login((String) citizen.get("iin"), (String) citizen.get("phone"));
        String first = (String) tokens.get("refreshToken");

        String second = refresh(first).then().statusCode(200).extract().path("refreshToken");
        assertThat(second).isNotEqualTo(first);

        refresh(first).then().statusCode(401).body("code", equalTo("REFRESH_TOKEN_REUSED"));
        refresh(second).then().statusCode(401).body("code", equalTo("REFRESH_TOKEN_INVALID"));
        assertThat(db.count("select count(*) from audit_event where actor = ? and event_type = 'REFRESH_TOKEN_REUSE'",
                citizen.get("iin"))).isEqualTo(1);
        assertThat(db.count("select count(*) from refresh_token where token_hash is not null and status = 'ACTIVE' "
                + "and session_id in (select id from auth_session where iin = ?)", citizen.get("iin"))).isZero();
    }

    @Test
    void accessTokensSayWhenTheLoginBeganEvenAfterARefresh() throws Exception {
        Map<String, Object> citizen = newCitizen();
        Map<String, Object> tokens = login((String) citizen.get("iin"), (String) citizen.get("phone"));
        JsonNode first = claims((String) tokens.get("accessToken"));
        assertThat(first.get("auth_time").asLong()).isEqualTo(first.get("iat").asLong());

        clock.advance(Duration.ofMinutes(5));
        String later = refresh((String) tokens.get("refreshToken")).then().statusCode(200).extract().path("accessToken");
        JsonNode refreshed = claims(later);
        assertThat(refreshed.get("iat").asLong()).isGreaterThanOrEqualTo(first.get("iat").asLong() + 300);
        assertThat(refreshed.get("auth_time").asLong()).isEqualTo(first.get("auth_time").asLong());
    }

    private static JsonNode claims(String jwt) throws java.io.IOException {
        return new ObjectMapper().readTree(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    @Test
    void anUnknownRefreshTokenIsRefused() {
        refresh("not-a-token-we-issued").then().statusCode(401).body("code", equalTo("REFRESH_TOKEN_INVALID"));
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        Map<String, Object> citizen = newCitizen();
        Map<String, Object> tokens = login((String) citizen.get("iin"), (String) citizen.get("phone"));
        given().auth().oauth2((String) tokens.get("accessToken")).post("/api/v1/auth/logout").then().statusCode(204);
        refresh((String) tokens.get("refreshToken")).then().statusCode(401).body("code", equalTo("REFRESH_TOKEN_INVALID"));
        assertThat(db.count("select count(*) from audit_event where actor = ? and event_type = 'LOGOUT'", citizen.get("iin")))
                .isEqualTo(1);
    }

    @Test
    void logoutNeedsALogin() {
        invalid().post("/api/v1/auth/logout").then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void everyStepOfALoginIsAuditedWithTheClientAddress() {
        Map<String, Object> citizen = newCitizen();
        given().contentType(ContentType.JSON).header("User-Agent", "eGovMobile/5.0 (iOS 18)")
                .body(Map.of("iin", citizen.get("iin"), "phone", citizen.get("phone")))
                .post("/api/v1/auth/otp").then().statusCode(201);
        List<Map<String, Object>> events = db.rows("select * from audit_event where actor = ? order by id", citizen.get("iin"));
        assertThat(events).extracting(e -> e.get("event_type")).containsExactly("OTP_SENT");
        assertThat(events.get(0).get("client_ip")).isEqualTo("127.0.0.1");
        assertThat(events.get(0).get("user_agent")).isEqualTo("eGovMobile/5.0 (iOS 18)");
        assertThat(events.get(0).get("request_id")).isNotNull();
    }

    @Test
    void theAuditLogCannotBeRewritten() {
        Map<String, Object> citizen = newCitizen();
        requestCode((String) citizen.get("iin"), (String) citizen.get("phone")).then().statusCode(201);
        assertThatThrownBy(() -> db.execute("update audit_event set outcome = 'X'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.execute("delete from audit_event"))
                .hasMessageContaining("append-only");
    }

    private static io.restassured.response.Response refresh(String token) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", token)).post("/api/v1/auth/token/refresh");
    }
}
