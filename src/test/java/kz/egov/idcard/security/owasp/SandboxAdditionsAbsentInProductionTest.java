package kz.egov.idcard.security.owasp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import kz.egov.idcard.common.ProductionProfileTest;
import kz.egov.idcard.support.RegistryStubs;
import org.junit.jupiter.api.Test;

/** The sandbox's second-round helpers (an admin token, the bank's refunds) do not exist in production, like the rest of it. */
@QuarkusTest
@TestProfile(ProductionProfileTest.Production.class)
@QuarkusTestResource(RegistryStubs.class)
class SandboxAdditionsAbsentInProductionTest {

    @Test
    void noAdminTokenAndNoRefundListOutsideTheSandbox() {
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/sandbox/admin-token").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        given().queryParam("invoiceId", java.util.UUID.randomUUID()).get("/api/v1/sandbox/refunds").then().statusCode(404);
    }
}
