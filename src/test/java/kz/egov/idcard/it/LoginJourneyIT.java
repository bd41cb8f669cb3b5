package kz.egov.idcard.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import java.util.Map;
import kz.egov.idcard.support.ApiTest;
import org.junit.jupiter.api.Test;

/** The login journey against the packaged application (JVM jar, or the native binary with -Dnative). */
@QuarkusIntegrationTest
class LoginJourneyIT extends ApiTest {

    @Test
    void aNewcomerLogsInAsAPersonaAndEnrolsTheirPhone() {
        Map<String, Object> citizen = newCitizen();
        String iin = (String) citizen.get("iin");
        String phone = (String) citizen.get("phone");

        Map<String, Object> tokens = login(iin, phone);
        String access = (String) tokens.get("accessToken");
        given().auth().oauth2(access).get("/api/v1/me").then().statusCode(200).body("iin", equalTo(iin));

        given().auth().oauth2(access).contentType(ContentType.JSON)
                .body(Map.of("publicKey", "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEvfz/ArHglXIyFRLqAW2/m9c1jYMSU7Her5SFwVCXRg1SXXRZkI5QE4RSYpeq01xEvMBLWQEAz4QZZWdTVOeSMg==",
                        "platform", "ANDROID", "name", "Galaxy S24"))
                .post("/api/v1/devices").then().statusCode(201);
        given().auth().oauth2(access).get("/api/v1/devices").then().body("", hasSize(1));

        String refreshed = given().contentType(ContentType.JSON).body(Map.of("refreshToken", tokens.get("refreshToken")))
                .post("/api/v1/auth/token/refresh").then().statusCode(200).extract().path("accessToken");
        given().auth().oauth2(refreshed).post("/api/v1/auth/logout").then().statusCode(204);
    }

    @Test
    void aPairThatDoesNotMatchGetsAProblemInEnglish() {
        given().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(Map.of("iin", "990228300212", "phone", "+77010000099"))
                .post("/api/v1/auth/otp").then().statusCode(422)
                .body("code", equalTo("PHONE_NOT_REGISTERED"))
                .body("title", equalTo("Phone not registered to this IIN"));
    }
}
