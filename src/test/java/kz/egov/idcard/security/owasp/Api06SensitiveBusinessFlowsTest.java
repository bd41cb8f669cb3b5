package kz.egov.idcard.security.owasp;

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

/**
 * OWASP API6:2023, unrestricted access to sensitive business flows: logging in (SMS codes) and
 * paying. Codes for one IIN are capped whichever phones ask; a payment notice needs the gateway's
 * key and a fresh timestamp, and a captured notice replayed later does nothing.
 */
@QuarkusTest
class Api06SensitiveBusinessFlowsTest extends ApiTest {

    @Inject
    PaymentNotices notices;

    @Inject
    Db db;

    @Test
    void codesForOneIinAreCappedAcrossManyPhones() {
        String iin = (String) newCitizen().get("iin");
        int refused = 0;
        for (int i = 0; i < 12; i++) {
            int status = requestCode(iin, newPhone()).statusCode();
            if (status == 429) {
                refused++;
            }
        }
        assertThat(refused).as("requests beyond the hourly limit for the IIN").isGreaterThan(0);
        assertThat(db.count("select count(*) from otp_challenge where iin = ? and code_hash is not null", iin)).isZero();
    }

    @Test
    void aNoticeWithoutTheGatewaysKeyIsRefusedAndRecorded() {
        String body = "{\"paymentId\":\"P-FORGED-" + System.nanoTime() + "\",\"invoiceNumber\":\"IDC-1\",\"amount\":1.00,\"currency\":\"KZT\"}";
        String now = String.valueOf(Instant.now().getEpochSecond());
        given().contentType(ContentType.JSON).body(body).header(PaymentNotices.TIMESTAMP_HEADER, now)
                .header(PaymentNotices.SIGNATURE_HEADER, "ab".repeat(32)).post("/api/v1/payments/notifications").then()
                .statusCode(401).body("code", equalTo("NOTICE_SIGNATURE_INVALID"));
        assertThat(db.count("select count(*) from payment_notice where raw_body = convert_to(?, 'UTF8') and outcome = 'BAD_SIGNATURE'",
                body)).isEqualTo(1);
    }

    @Test
    void aCapturedNoticeReplayedLaterIsRefused() {
        String body = "{\"paymentId\":\"P-OLD\",\"invoiceNumber\":\"IDC-1\",\"amount\":1.00,\"currency\":\"KZT\"}";
        String then = String.valueOf(Instant.now().minusSeconds(3600).getEpochSecond());
        given().contentType(ContentType.JSON).body(body).header(PaymentNotices.TIMESTAMP_HEADER, then)
                .header(PaymentNotices.SIGNATURE_HEADER, notices.sign(then, body)).post("/api/v1/payments/notifications").then()
                .statusCode(401).body("code", equalTo("NOTICE_TIMESTAMP_INVALID"));
        String future = String.valueOf(Instant.now().plusSeconds(3600).getEpochSecond());
        given().contentType(ContentType.JSON).body(body).header(PaymentNotices.TIMESTAMP_HEADER, future)
                .header(PaymentNotices.SIGNATURE_HEADER, notices.sign(future, body)).post("/api/v1/payments/notifications").then()
                .statusCode(401).body("code", equalTo("NOTICE_TIMESTAMP_INVALID"));
    }

    @Test
    void aCitizenHasOneApplicationAtATime() {
        String token = accessToken(newCitizen());
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("channel", "MOBILE")).post("/api/v1/applications")
                .then().statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("channel", "WEB")).post("/api/v1/applications")
                .then().statusCode(409);
    }
}
