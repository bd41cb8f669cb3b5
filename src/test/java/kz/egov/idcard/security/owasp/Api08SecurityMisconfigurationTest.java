package kz.egov.idcard.security.owasp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import kz.egov.idcard.support.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * OWASP API8:2023, security misconfiguration. API answers carry hardening headers and are not
 * cached; cross-origin browsers get no permission; unsupported methods and media types are
 * problems; errors reveal no internals and the server does not name itself.
 */
@QuarkusTest
class Api08SecurityMisconfigurationTest extends ApiTest {

    @Test
    void apiAnswersCarryHardeningHeadersAndAreNotCached() {
        given().get("/api/v1/regions").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store")
                .header("Server", nullValue())
                .header("X-Powered-By", nullValue());
        invalid().get("/api/v1/me").then().statusCode(401).header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
    }

    @Test
    void aBrowserOnAnotherOriginIsGivenNoCrossOriginPermission() {
        invalid().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/v1/applications").then()
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Credentials", nullValue());
        given().header("Origin", "https://evil.example").get("/api/v1/regions").then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void unsupportedMethodsAndMediaTypesAreProblems() {
        invalid().request("TRACE", "/api/v1/regions").then().statusCode(405);
        invalid().put("/api/v1/regions").then().statusCode(405).contentType("application/problem+json")
                .body("code", equalTo("METHOD_NOT_ALLOWED"));
        invalid().contentType(ContentType.XML).body("<iin>1</iin>").post("/api/v1/auth/otp").then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void errorsRevealNoInternals() {
        invalid().contentType(ContentType.JSON).body("{\"iin\": {\"$ne\": null}, \"phone\": 1e999}").post("/api/v1/auth/otp")
                .then().statusCode(400).body(not(containsString("at kz.egov"))).body(not(containsString("Exception")))
                .body(not(containsString("org.hibernate"))).body(not(containsString("SQL")));
        invalid().header("Authorization", "Bearer x.y.z").get("/api/v1/me").then().statusCode(401)
                .body(not(containsString("Exception"))).body(not(containsString("jose4j")));
    }
}
