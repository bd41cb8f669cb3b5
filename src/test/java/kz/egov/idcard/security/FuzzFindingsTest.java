package kz.egov.idcard.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import kz.egov.idcard.payment.PaymentNotices;
import kz.egov.idcard.support.ApiTest;
import kz.egov.idcard.support.Db;
import org.junit.jupiter.api.Test;

/** Defects the fuzzing found, kept as plain tests so they stay fixed whatever the fuzzer draws next. */
@QuarkusTest
class FuzzFindingsTest extends ApiTest {

    @Inject
    Db db;

    @Inject
    PaymentNotices notices;

    @Test
    void aNulCharacterInAParameterIsRefusedNotAServerError() {
        invalid().queryParam("region", "\u0000").get("/api/v1/registration-points").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("VALUE_NOT_ACCEPTED"));
    }

    @Test
    void aPaymentNoticeOfAnyBytesIsStoredExactlyAsReceived() {
        byte[] body = {'{', 0, (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '}'};
        long before = db.count("select count(*) from payment_notice");
        invalid().contentType(ContentType.JSON).header("X-Payment-Timestamp", String.valueOf(Instant.now().getEpochSecond()))
                .header("X-Payment-Signature", "00").body(body)
                .post("/api/v1/payments/notifications").then().statusCode(401).body("code", equalTo("NOTICE_SIGNATURE_INVALID"));
        assertThat(db.count("select count(*) from payment_notice")).isEqualTo(before + 1);
        assertThat(db.rows("select raw_body, outcome from payment_notice order by id desc limit 1").get(0))
                .containsEntry("raw_body", body).containsEntry("outcome", "BAD_SIGNATURE");
    }

    @Test
    void theNoticeSignatureCoversTheBytesAsSentNotARecoding() {
        byte[] latin1 = "{\"paymentId\":\"P\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String signature = notices.sign(timestamp, latin1);
        // Authentic bytes that are not a notice: past the signature, refused as malformed (not as forged).
        invalid().contentType(ContentType.JSON).header("X-Payment-Timestamp", timestamp).header("X-Payment-Signature", signature)
                .body(latin1).post("/api/v1/payments/notifications").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        assertThat(notices.sign(timestamp, latin1)).isNotEqualTo(notices.sign(timestamp, new String(latin1,
                java.nio.charset.StandardCharsets.ISO_8859_1)));
    }

    @Test
    void anAcceptLanguageTheJdkCannotParseFallsBackToRussian() {
        for (String odd : new String[] {",", ";", ",;", ";q=1", ", ,", "*;q=", "-"}) {
            invalid().header("Accept-Language", odd).get("/api/v1/regions").then().statusCode(200);
            invalid().header("Accept-Language", odd).get("/api/v1/nope").then().statusCode(404).body("title", equalTo("Не найдено"));
            // A refusal by the bean validator too: its message interpolation once parsed the header itself and failed (500).
            invalid().header("Accept-Language", odd).contentType(ContentType.JSON).body(Map.of("iin", "900101300017", "phone", "1"))
                    .post("/api/v1/auth/otp").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                    .body("title", equalTo("Неверный запрос"));
        }
    }

    @Test
    void hugeAndOddQueryStringsAreProblems() {
        invalid().queryParam("date", "+1000000-01-01").queryParam("tier", "STANDARD").get("/api/v1/fees/quote").then()
                .statusCode(400).contentType("application/problem+json");
        Map<String, Object> noCitizen = Map.of("iin", "1' OR '1'='1", "phone", "+7701");
        invalid().contentType(ContentType.JSON).body(noCitizen).post("/api/v1/auth/otp").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
    }
}
