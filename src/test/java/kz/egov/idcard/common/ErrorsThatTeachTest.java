package kz.egov.idcard.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.egov.idcard.support.ApiTest;
import org.junit.jupiter.api.Test;

/** A refusal says what was expected and what came, so that the next try is the right one. */
@QuarkusTest
class ErrorsThatTeachTest extends ApiTest {

    @Test
    void aWrongEnumValueNamesTheAllowedOnesAndWhatCame() {
        String token = accessToken(newCitizen());
        invalid().auth().oauth2(token).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("publicKey", "AAAA", "platform", "android", "name", "Pixel"))
                .post("/api/v1/devices").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("platform"))
                .body("errors[0].code", equalTo("NOT_ONE_OF"))
                .body("errors[0].allowed", equalTo(List.of("IOS", "ANDROID")))
                .body("errors[0].received", equalTo("android"))
                .body("errors[0].message", equalTo("Must be one of: IOS, ANDROID. Received: \"android\"."));
    }

    @Test
    void aPhoneNotInE164IsEchoedAsItArrived() {
        invalid().header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("iin", "900101300017", "phone", "8 701 000 00 01"))
                .post("/api/v1/auth/otp").then().statusCode(400)
                .body("errors[0].field", equalTo("phone"))
                .body("errors[0].code", equalTo("INVALID_PHONE"))
                .body("errors[0].received", equalTo("8 701 000 00 01"))
                .body("errors[0].message", containsString("Received: \"8 701 000 00 01\""));
    }

    @Test
    void anEchoIsShortAndHasNoControlCharacters() {
        invalid().contentType(ContentType.JSON)
                .body(Map.of("iin", "900101300017", "phone", "+7701\n" + "9".repeat(200)))
                .post("/api/v1/auth/otp").then().statusCode(400)
                .body("errors[0].received", equalTo("+7701 " + "9".repeat(57) + "…"));
    }

    @Test
    void theSandboxSmsListTakesThePlusThatArrivesAsASpace() {
        Map<String, Object> citizen = newCitizen();
        String phone = (String) citizen.get("phone");
        requestCode((String) citizen.get("iin"), phone).then().statusCode(201);
        // As written in the README and typed into curl: the unescaped + is decoded as a space.
        invalid().urlEncodingEnabled(false).get("/api/v1/sandbox/sms?phone=" + phone).then().statusCode(200)
                .body("[0].phone", equalTo(phone));
        invalid().header("Accept-Language", "en").queryParam("phone", "7701 000").get("/api/v1/sandbox/sms").then().statusCode(400)
                .body("errors[0].code", equalTo("INVALID_PHONE")).body("errors[0].received", equalTo("7701 000"));
        invalid().get("/api/v1/sandbox/sms").then().statusCode(400)
                .body("errors[0].field", equalTo("phone")).body("errors[0].code", equalTo("REQUIRED"));
    }

    @Test
    void aSecondSandboxPaymentWithoutIdempotencyKeyIsAnsweredWithAWarning() {
        String invoice = openInvoice();
        pay(invoice, null).then().statusCode(200).body("outcome", equalTo("APPLIED")).body("warning", nullValue());
        pay(invoice, "retry-1").then().statusCode(200).body("warning", nullValue());
        pay(invoice, null).then().statusCode(200)
                .body("warning", containsString("already paid"))
                .body("warning", containsString("Idempotency-Key"));
    }

    private static String openInvoice() {
        Map<String, Object> citizen = newCitizen();
        String token = accessToken(citizen);
        String id = draftUpToQuestionnaire(token, (String) citizen.get("iin"), "MOBILE", "STANDARD");
        return given().auth().oauth2(token).post("/api/v1/applications/{id}/payment", id).then().statusCode(201)
                .extract().path("invoiceId");
    }

    private static io.restassured.response.Response pay(String invoiceId, String key) {
        var request = given().contentType(ContentType.JSON).body(new HashMap<>());
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/sandbox/payments/{id}/pay", invoiceId);
    }
}
