package kz.egov.idcard.security.owasp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.egov.idcard.support.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * OWASP API7:2023, server side request forgery. The service calls only the systems its
 * configuration names; nothing a client sends is a place to fetch from: no request field is a
 * URL, and a selfie must be the picture itself.
 */
@QuarkusTest
class Api07ServerSideRequestForgeryTest extends ApiTest {

    @Test
    void noRequestFieldIsAUrlTheServiceWouldFetch() {
        OpenAPI api = new OpenAPIV3Parser().read(Path.of("openapi.yaml").toAbsolutePath().toString());
        List<String> fields = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(p -> fields.add(p.getName()));
            }
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().values().forEach(media -> collect(api, media.getSchema(), fields));
            }
        }));
        assertThat(fields).isNotEmpty()
                .noneMatch(name -> name.toLowerCase().matches(".*(url|uri|link|callback|webhook|host|redirect).*"));
    }

    @Test
    void aSelfieGivenAsAnAddressIsRefusedNotFetched() {
        Map<String, Object> citizen = newCitizen();
        String token = accessToken(citizen);
        String id = io.restassured.RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("channel", "MOBILE"))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        invalid().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("selfie", "http://169.254.169.254/latest/meta-data/iam/security-credentials/"))
                .post("/api/v1/applications/{id}/biometrics", id).then().statusCode(400);
        io.restassured.RestAssured.given().auth().oauth2(token).get("/api/v1/applications/{id}", id).then()
                .body("nextStep", equalTo("BIOMETRICS"));
    }

    @SuppressWarnings("rawtypes")
    private static void collect(OpenAPI api, Schema<?> schema, List<String> fields) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            collect(api, api.getComponents().getSchemas().get(name), fields);
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> {
                fields.add(name);
                collect(api, (Schema<?>) property, fields);
            });
        }
        if (schema.getItems() != null) {
            collect(api, schema.getItems(), fields);
        }
    }
}
