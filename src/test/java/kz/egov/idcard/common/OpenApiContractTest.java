package kz.egov.idcard.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed openapi.yaml is the contract: the served document must be exactly it. */
@QuarkusTest
class OpenApiContractTest {

    /** {@code -Dopenapi.update=true} (scripts/update-openapi.sh) writes the served document to the file instead. */
    @Test
    void theServedDocumentIsTheCommittedContract() throws Exception {
        YAMLMapper yaml = new YAMLMapper();
        String servedText = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(Path.of("openapi.yaml"), servedText);
        }
        JsonNode committed = yaml.readTree(Files.readString(Path.of("openapi.yaml")));
        JsonNode served = yaml.readTree(servedText);
        assertThat(served)
                .as("openapi.yaml differs from the served document: run scripts/update-openapi.sh and commit the file")
                .isEqualTo(committed);
    }

    @Test
    void everyRequestBodyHasAnExample() throws Exception {
        JsonNode document = new YAMLMapper().readTree(Files.readString(Path.of("openapi.yaml")));
        JsonNode schemas = document.path("components").path("schemas");
        document.path("paths").forEach(path -> path.forEach(operation -> {
            JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
            if (schema.has("$ref")) {
                String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
                schemas.path(name).path("properties").fields().forEachRemaining(property -> {
                    JsonNode value = property.getValue();
                    // Nested objects ($ref) carry examples on their own properties.
                    assertThat(value.has("example") || value.has("$ref") && !value.has("type"))
                            .as(name + "." + property.getKey() + " has an example").isTrue();
                });
            }
        }));
    }
}
