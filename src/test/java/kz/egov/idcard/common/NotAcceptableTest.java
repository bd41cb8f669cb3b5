package kz.egov.idcard.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import kz.egov.idcard.support.ApiTest;
import org.junit.jupiter.api.Test;

/** What every operation's 4XX example shows: asked for a type it does not produce, it answers 406 NOT_ACCEPTABLE. */
@QuarkusTest
class NotAcceptableTest extends ApiTest {

    @Test
    void everyOperationAskedForXmlAnswersNotAcceptableAsAProblem() throws Exception {
        String citizen = accessToken(newCitizen());
        String operator = given().contentType(ContentType.JSON).body(Map.of("pointId", "AST-01"))
                .post("/api/v1/sandbox/operator-token").then().statusCode(200).extract().path("accessToken");
        String admin = given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/sandbox/admin-token").then()
                .statusCode(200).extract().path("accessToken");
        JsonNode paths = new YAMLMapper().readTree(Files.readString(Path.of("openapi.yaml"))).path("paths");
        List<String> wrong = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            JsonNode operation = entry.getValue();
            if (!operation.has("operationId")) {
                return;
            }
            String security = operation.path("security").toString();
            RequestSpecification request = invalid().accept("application/xml");
            if (security.contains("adminBearer")) {
                request.auth().oauth2(admin);
            } else if (security.contains("bearer")) {
                request.auth().oauth2(path.getKey().startsWith("/api/v1/operator") ? operator : citizen);
            }
            if (operation.has("requestBody")) {
                request.contentType(ContentType.JSON).body("{}");
            }
            String concrete = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            Response answer = request.request(entry.getKey().toUpperCase(Locale.ROOT), concrete);
            String seen = answer.statusCode() + " " + answer.getContentType() + " " + answer.jsonPath().getString("code");
            checked.add(operation.path("operationId").asText());
            if (!seen.equals("406 application/problem+json NOT_ACCEPTABLE")) {
                wrong.add(entry.getKey() + " " + path.getKey() + ": " + seen);
            }
        }));
        assertThat(checked).hasSizeGreaterThan(50);
        assertThat(wrong).isEmpty();
    }
}
