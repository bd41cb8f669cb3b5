package kz.egov.idcard.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import kz.egov.idcard.support.ApiTest;
import org.junit.jupiter.api.Test;

/** Whatever a client gets wrong, the answer is a 4xx problem with a stable code, never a stack trace. */
@QuarkusTest
class ErrorHandlingTest extends ApiTest {

    @Test
    void malformedJsonIsAProblem() {
        invalid().contentType(ContentType.JSON).body("{\"iin\": ").post("/api/v1/auth/otp").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("MALFORMED_JSON"));
        invalid().contentType(ContentType.JSON).body("not json at all").post("/api/v1/auth/otp").then()
                .statusCode(400).body("code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void aWrongTypeNamesTheField() {
        invalid().contentType(ContentType.JSON).body("{\"iin\": [1], \"phone\": \"+77010000001\"}").post("/api/v1/auth/otp")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("iin")).body("errors[0].code", equalTo("INVALID_TYPE"));
        invalid().contentType(ContentType.JSON)
                .body("{\"phone\": \"+77051112233\", \"lastName\": \"A\", \"firstName\": \"B\", \"idCard\": {\"expiresOn\": \"2026-13-45\"}}")
                .post("/api/v1/sandbox/citizens")
                .then().statusCode(400).body("errors[0].field", equalTo("idCard.expiresOn"));
    }

    @Test
    void aMissingBodyIsAValidationProblem() {
        invalid().contentType(ContentType.JSON).post("/api/v1/auth/otp").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void anUnknownRouteIsANotFoundProblem() {
        given().get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"))
                .body("instance", equalTo("/api/v1/no-such-thing"));
        given().get("/definitely/not/here").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void aWrongMethodIsAProblem() {
        invalid().delete("/api/v1/auth/otp").then().statusCode(405).body("code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void aWrongMediaTypeIsAProblem() {
        invalid().contentType(ContentType.TEXT).body("iin=1").post("/api/v1/auth/otp").then().statusCode(415)
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void anOversizedBodyIsAProblemAndIsNotRead() {
        String huge = "x".repeat(13 * 1024 * 1024);
        invalid().contentType(ContentType.JSON).body("{\"iin\": \"" + huge + "\"}").post("/api/v1/auth/otp").then()
                .statusCode(413).contentType("application/problem+json").body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void problemsSpeakKazakhRussianAndEnglishAndRussianByDefault() {
        Map<String, String> body = Map.of("iin", "1", "phone", "+77010000001");
        invalid().contentType(ContentType.JSON).body(body).post("/api/v1/auth/otp").then()
                .header("Content-Language", "ru").body("title", equalTo("Неверный запрос"))
                .body("errors[0].message", containsString("ИИН"));
        invalid().contentType(ContentType.JSON).header("Accept-Language", "kk-KZ,kk;q=0.9").body(body).post("/api/v1/auth/otp").then()
                .header("Content-Language", "kk").body("title", equalTo("Сұрау қате"))
                .body("errors[0].message", containsString("ЖСН"));
        invalid().contentType(ContentType.JSON).header("Accept-Language", "en-US").body(body).post("/api/v1/auth/otp").then()
                .header("Content-Language", "en").body("title", equalTo("Invalid request"))
                .body("errors[0].message", containsString("IIN"));
        invalid().contentType(ContentType.JSON).header("Accept-Language", "de, fr;q=0.5").body(body).post("/api/v1/auth/otp").then()
                .header("Content-Language", "ru");
        invalid().contentType(ContentType.JSON).header("Accept-Language", ";;;=garbage").body(body).post("/api/v1/auth/otp").then()
                .statusCode(400).header("Content-Language", "ru");
    }

    @Test
    void everyResponseCarriesARequestIdThatTheProblemRepeats() {
        given().get("/api/v1/nope").then().header("X-Request-Id", notNullValue())
                .body("requestId", notNullValue());
        given().header("X-Request-Id", "mobile-req-12345678").get("/api/v1/nope").then()
                .header("X-Request-Id", equalTo("mobile-req-12345678")).body("requestId", equalTo("mobile-req-12345678"));
        given().header("X-Request-Id", "<script>alert(1)</script>").get("/api/v1/nope").then()
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void problemsNeverShowStackTraces() {
        invalid().contentType(ContentType.JSON).body("{\"iin\": {\"$ne\": null}, \"phone\": 1e999}").post("/api/v1/auth/otp")
                .then().statusCode(400).body(not(containsString("at kz.egov"))).body(not(containsString("Exception")));
    }

    @Test
    void responsesCarrySecurityHeaders() {
        given().get("/api/v1/sandbox/personas").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store");
    }
}
