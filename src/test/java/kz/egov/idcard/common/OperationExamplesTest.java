package kz.egov.idcard.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import kz.egov.idcard.common.error.ErrorCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The examples of the served contract are each operation's own and true: every request body,
 * success body and problem has examples, every example validates against its schema, a problem
 * shows its code's own status and the operation's own path, and the answers the issue named as
 * misleading say what the operation really answers.
 */
@QuarkusTest
class OperationExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode document;
    private static OpenApiInteractionValidator validator;

    private record Example(String operationId, String method, String path, String where, String status, String mediaType,
            String name, JsonNode value) {
        String concretePath() {
            return path.replaceAll("\\{[^}]+}", "0b3c1e6a-6b0e-4a39-9d55-1f0c2c7e9a10");
        }

        @Override
        public String toString() {
            return operationId + " " + where + " " + (status == null ? "" : status + " ") + name;
        }
    }

    @BeforeEach
    void served() throws Exception {
        if (document != null) {
            return;
        }
        String text = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        document = JSON.readTree(text);
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(text).build();
    }

    @Test
    void everyRequestSuccessAndProblemHasItsOwnExamples() {
        List<String> missing = new ArrayList<>();
        operations((key, operation) -> {
            String id = operation.path("operationId").asText();
            JsonNode request = operation.path("requestBody").path("content").path("application/json");
            if (!request.isMissingNode() && request.path("examples").isEmpty()) {
                missing.add(id + " request");
            }
            operation.path("responses").fields().forEachRemaining(response -> {
                JsonNode content = response.getValue().path("content");
                content.fields().forEachRemaining(media -> {
                    boolean json = media.getKey().equals("application/json") || media.getKey().equals("application/problem+json");
                    if (json && media.getValue().path("examples").isEmpty()) {
                        missing.add(id + " " + response.getKey() + " " + media.getKey());
                    }
                });
            });
        });
        assertThat(missing).as("operations without examples of their own (src/main/resources/openapi/examples)").isEmpty();
    }

    @Test
    void everyExampleValidatesAgainstItsSchema() {
        List<Example> examples = examples();
        assertThat(examples).hasSizeGreaterThan(150);
        List<String> invalid = new ArrayList<>();
        for (Example example : examples) {
            ValidationReport report;
            String body = example.value().toString();
            if (example.where().equals("request")) {
                report = validator.validateRequest(new SimpleRequest.Builder(example.method(), example.concretePath())
                        .withContentType(example.mediaType()).withBody(body).build());
            } else {
                int status = example.status().matches("[0-9]{3}") ? Integer.parseInt(example.status())
                        : example.value().path("status").asInt();
                report = validator.validateResponse(example.concretePath(), Request.Method.valueOf(example.method()),
                        SimpleResponse.Builder.status(status).withContentType(example.mediaType()).withBody(body).build());
            }
            report.getMessages().stream()
                    // Only what the body says: the path parameters here are stand-ins.
                    .filter(message -> message.getKey().contains(".body"))
                    .forEach(message -> invalid.add(example + ": " + message.getMessage()));
        }
        assertThat(invalid).as("examples that break their schema").isEmpty();
    }

    @Test
    void aProblemShowsItsCodesOwnStatusAndItsOperationsPath() {
        List<String> wrong = new ArrayList<>();
        for (Example example : examples()) {
            if (!example.mediaType().equals("application/problem+json")) {
                continue;
            }
            JsonNode value = example.value();
            ErrorCode code = ErrorCode.valueOf(value.path("code").asText());
            int status = value.path("status").asInt();
            boolean statusFits = code.status() == status && (example.status().equals(String.valueOf(status))
                    || example.status().equals(status / 100 + "XX") || example.status().equals("default"));
            if (!statusFits) {
                wrong.add(example + ": " + code + " is a " + code.status() + ", shown as " + status + " under " + example.status());
            }
            String instance = value.path("instance").asText();
            if (!instance.matches(example.path().replaceAll("\\{[^}]+}", "[^/]+"))) {
                wrong.add(example + ": instance " + instance + " is not a path of " + example.path());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theAnswersThatMisledBeforeAreTrue() {
        List<Example> examples = examples();
        List<Example> confirmed = find(examples, "confirmApplication", "response", "200");
        assertThat(confirmed).isNotEmpty().allSatisfy(example -> {
            assertThat(example.value().path("status").asText()).isEqualTo("SUBMITTED");
            assertThat(example.value().path("readyOn").isTextual()).isTrue();
            assertThat(example.value().has("cancelReason")).isFalse();
        });
        assertThat(find(examples, "confirmApplication", "request", null)).isNotEmpty()
                .allSatisfy(example -> assertThat(example.value().has("cms")).as(example.toString()).isFalse());
        List<Example> faces = find(examples, "matchFace", "response", "200");
        assertThat(faces).extracting(example -> example.value().path("result").asText())
                .contains("MATCH", "NO_MATCH", "REDIRECTED_TO_TSON");
        // Problems differ between operations: confirmApplication's are not a login's.
        assertThat(find(examples, "confirmApplication", "response", null)).extracting(example -> example.value().path("code").asText())
                .doesNotContain("OTP_INVALID").contains("SIGNATURE_INVALID");
    }

    private static List<Example> find(List<Example> examples, String operationId, String where, String status) {
        return examples.stream().filter(example -> example.operationId().equals(operationId) && example.where().equals(where)
                && (status == null || status.equals(example.status()))).toList();
    }

    private static List<Example> examples() {
        List<Example> examples = new ArrayList<>();
        operations((key, operation) -> {
            String id = operation.path("operationId").asText();
            operation.path("requestBody").path("content").fields().forEachRemaining(media -> media.getValue().path("examples")
                    .fields().forEachRemaining(example -> examples.add(new Example(id, key[0], key[1], "request", null,
                            media.getKey(), example.getKey(), example.getValue().path("value")))));
            operation.path("responses").fields().forEachRemaining(response -> response.getValue().path("content").fields()
                    .forEachRemaining(media -> media.getValue().path("examples").fields().forEachRemaining(example -> examples.add(
                            new Example(id, key[0], key[1], "response", response.getKey(), media.getKey(), example.getKey(),
                                    example.getValue().path("value"))))));
        });
        return examples;
    }

    /** Each operation with {method, path}. */
    private static void operations(BiConsumer<String[], JsonNode> each) {
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (operation.getValue().has("operationId")) {
                each.accept(new String[] {operation.getKey().toUpperCase(Locale.ROOT), path.getKey()}, operation.getValue());
            }
        }));
    }

}
