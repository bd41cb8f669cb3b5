package kz.egov.idcard.security.owasp;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.swagger.v3.parser.OpenAPIV3Parser;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import kz.egov.idcard.support.ApiTest;
import kz.egov.idcard.support.Db;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OWASP API1:2023, broken object level authorization. Another citizen's application or device id,
 * on every operation that takes one, is a 404 (the same as an id that does not exist, so ids
 * cannot be probed), and the owner's data stays as it was; an operator sees only their point's.
 */
@QuarkusTest
class Api01ObjectLevelAuthorizationTest extends ApiTest {

    @Inject
    Db db;

    private String ownerToken;
    private String ownerApplication;
    private String ownerDevice;
    private String intruderToken;

    @BeforeEach
    void ownerAndIntruder() throws Exception {
        Map<String, Object> owner = newCitizen();
        ownerToken = accessToken(owner);
        ownerApplication = given().auth().oauth2(ownerToken).contentType(ContentType.JSON).body(Map.of("channel", "WEB"))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        passFaceMatch(ownerToken, ownerApplication, (String) owner.get("iin"));
        ownerDevice = enrolDevice(ownerToken, p256(), "ANDROID");
        intruderToken = accessToken(newCitizen());
    }

    @Test
    void anotherCitizensApplicationIsNotFoundOnEveryOperationThatTakesIt() {
        String before = ownerState();
        List<String> checked = new ArrayList<>();
        new OpenAPIV3Parser().read(Path.of("openapi.yaml").toAbsolutePath().toString()).getPaths().forEach((path, item) -> {
            if (!path.startsWith("/api/v1/applications/{id}")) {
                return;
            }
            item.readOperationsMap().forEach((method, operation) -> {
                String body = operation.getRequestBody() == null ? null : bodyFor(path);
                var request = invalid().auth().oauth2(intruderToken);
                if (body != null) {
                    request = request.contentType(ContentType.JSON).body(body);
                }
                int status = request.request(method.name(), path, ownerApplication).then()
                        .body("code", equalTo("APPLICATION_NOT_FOUND")).extract().statusCode();
                assertThat(status).as(method + " " + path).isEqualTo(404);
                checked.add(method + " " + path);
            });
        });
        assertThat(checked).hasSizeGreaterThanOrEqualTo(11);
        assertThat(ownerState()).as("the owner's application, questionnaire, challenges and invoices").isEqualTo(before);
        given().auth().oauth2(ownerToken).get("/api/v1/applications/{id}", ownerApplication).then().statusCode(200)
                .body("nextStep", equalTo("QUESTIONNAIRE"));
    }

    @Test
    void anotherCitizensApplicationLooksExactlyLikeOneThatDoesNotExist() {
        String theirs = given().auth().oauth2(intruderToken).get("/api/v1/applications/{id}", ownerApplication).then()
                .statusCode(404).extract().path("code");
        String nobodys = given().auth().oauth2(intruderToken).get("/api/v1/applications/{id}", java.util.UUID.randomUUID())
                .then().statusCode(404).extract().path("code");
        assertThat(theirs).isEqualTo(nobodys);
        given().auth().oauth2(intruderToken).get("/api/v1/applications").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void anotherCitizensDeviceCannotBeRemoved() {
        given().auth().oauth2(intruderToken).delete("/api/v1/devices/{id}", ownerDevice).then().statusCode(404)
                .body("code", equalTo("DEVICE_NOT_FOUND"));
        given().auth().oauth2(ownerToken).get("/api/v1/devices").then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem(ownerDevice));
    }

    @Test
    void anOperatorSeesAndMovesOnlyTheirOwnPointsApplications() {
        String otherPoint = given().contentType(ContentType.JSON).body(Map.of("pointId", "ALA-01"))
                .post("/api/v1/sandbox/operator-token").then().statusCode(200).extract().path("accessToken");
        given().auth().oauth2(otherPoint).contentType(ContentType.JSON).body(Map.of("to", "IN_PRODUCTION", "reason", "x"))
                .post("/api/v1/operator/applications/{id}/transitions", ownerApplication).then().statusCode(404);
        given().auth().oauth2(otherPoint).get("/api/v1/operator/applications").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(ownerApplication)));
    }

    private String ownerState() {
        return db.rows("select a.*, (select count(*) from signing_challenge c where c.application_id = a.id) as challenges, "
                + "(select count(*) from invoice i where i.application_id = a.id) as invoices from application a where a.id = ?::uuid",
                ownerApplication).toString();
    }

    private static byte[] selfie() {
        return kz.egov.idcard.sandbox.PortraitGenerator.portrait(3);
    }

    private static String bodyFor(String path) {
        if (path.endsWith("/questionnaire")) {
            return "{\"personalDataConfirmed\":true,\"contactPhone\":\"+77011234567\",\"pickupPointId\":\"AST-01\",\"tier\":\"STANDARD\"}";
        }
        if (path.endsWith("/signature/sms")) {
            return "{\"code\":\"123456\"}";
        }
        if (path.endsWith("/signature")) {
            return "{\"method\":\"SMS\"}";
        }
        if (path.endsWith("/confirmation")) {
            return "{\"method\":\"DEVICE\",\"deviceId\":\"" + java.util.UUID.randomUUID() + "\",\"signature\":\""
                    + Base64.getEncoder().encodeToString(new byte[64]) + "\"}";
        }
        if (path.endsWith("/biometrics")) {
            return "{\"selfie\":\"" + Base64.getEncoder().encodeToString(selfie()) + "\"}";
        }
        return "{}";
    }
}
