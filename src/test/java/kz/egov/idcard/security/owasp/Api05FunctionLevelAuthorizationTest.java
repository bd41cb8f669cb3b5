package kz.egov.idcard.security.owasp;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.egov.idcard.support.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * OWASP API5:2023, broken function level authorization. Every operation that needs a login
 * refuses no token (401); a citizen is refused every operator operation and an operator every
 * citizen operation (403), before anything is looked up.
 */
@QuarkusTest
class Api05FunctionLevelAuthorizationTest extends ApiTest {

    private record Secured(String method, String path) {
        boolean forOperators() {
            return path.startsWith("/api/v1/operator");
        }

        String concretePath() {
            return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        }
    }

    private static List<Secured> securedOperations() {
        List<Secured> secured = new ArrayList<>();
        new OpenAPIV3Parser().read(Path.of("openapi.yaml").toAbsolutePath().toString()).getPaths().forEach((path, item) ->
                item.readOperationsMap().forEach((method, operation) -> {
                    if (operation.getSecurity() != null
                            && operation.getSecurity().stream().anyMatch(r -> r.containsKey("bearer") || r.containsKey("adminBearer"))) {
                        secured.add(new Secured(method.name(), path));
                    }
                }));
        assertThat(secured).hasSizeGreaterThan(15);
        return secured;
    }

    @Test
    void everyOperationThatNeedsALoginRefusesNone() {
        for (Secured operation : securedOperations()) {
            int status = invalid().contentType(ContentType.JSON).body("{}").request(operation.method(), operation.concretePath())
                    .then().body("code", equalTo("UNAUTHORIZED")).extract().statusCode();
            assertThat(status).as(operation.toString()).isEqualTo(401);
        }
    }

    @Test
    void citizensCannotUseOperatorOperationsNorOperatorsCitizenOnes() {
        String citizen = accessToken(newCitizen());
        String operator = given().contentType(ContentType.JSON).body(Map.of("pointId", "AST-01"))
                .post("/api/v1/sandbox/operator-token").then().statusCode(200).extract().path("accessToken");
        List<String> checked = new ArrayList<>();
        for (Secured operation : securedOperations()) {
            if (operation.path().equals("/api/v1/auth/logout") || operation.path().startsWith("/api/v1/admin")) {
                continue; // any login may end itself
            }
            String wrongRole = operation.forOperators() ? citizen : operator;
            io.restassured.response.Response answer = invalid().auth().oauth2(wrongRole).contentType(ContentType.JSON).body("{}")
                    .request(operation.method(), operation.concretePath());
            assertThat(answer.statusCode()).as(operation.toString()).isEqualTo(403);
            assertThat(answer.jsonPath().getString("code")).isEqualTo("FORBIDDEN");
            checked.add(operation.toString());
        }
        assertThat(checked).anyMatch(s -> s.contains("/operator/")).anyMatch(s -> s.contains("/applications/{id}"));
    }
}
