package kz.egov.idcard.security.owasp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import kz.egov.idcard.common.ProductionProfileTest;
import kz.egov.idcard.support.RegistryStubs;
import org.junit.jupiter.api.Test;

/**
 * OWASP API9:2023, improper inventory management. In production the sandbox (test personas, the
 * fake bank, the operator-token shortcut, the SMS outbox) neither answers nor appears in the
 * served contract; no unversioned or other-versioned API answers. (That the served contract
 * is exactly the committed openapi.yaml is OpenApiContractTest.)
 */
@QuarkusTest
@TestProfile(ProductionProfileTest.Production.class)
@QuarkusTestResource(RegistryStubs.class)
class Api09InventoryManagementTest {

    @Test
    void theSandboxDoesNotAnswerInProduction() {
        for (String path : new String[] {"/api/v1/sandbox/personas", "/api/v1/sandbox/sms?phone=%2B77011234567",
                "/api/v1/sandbox/push?iin=900101300017"}) {
            given().get(path).then().statusCode(404).contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        }
        given().contentType(ContentType.JSON).body(Map.of("pointId", "AST-01")).post("/api/v1/sandbox/operator-token").then()
                .statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/sandbox/payments/{id}/pay", java.util.UUID.randomUUID())
                .then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("iin", "900101300017")).post("/api/v1/sandbox/eds/certificates").then()
                .statusCode(404);
    }

    @Test
    void theServedContractHasNoSandboxEntries() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(not(containsString("/api/v1/sandbox"))).body(not(containsString("Sandbox")))
                .body(containsString("/api/v1/auth/otp"));
    }

    @Test
    void onlyTheCurrentVersionAnswers() {
        given().get("/api/v2/regions").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/regions").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/regions").then().statusCode(200);
    }
}
