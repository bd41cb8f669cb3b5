package kz.egov.idcard.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import kz.egov.idcard.common.error.ErrorCode;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Every error the API answers is an RFC 9457 problem, and the document says so here, for every
 * operation instead of on every method: the problems an operation really answers, by status, each
 * with its example (from the example catalogue, openapi/examples/*.yaml); then 401 where the
 * operation takes credentials, any other 4xx, 500 for the unexpected, and {@code default} for the
 * rest (503 with Retry-After), each with the example every operation can show. An error response
 * an operation declares itself (a 429 with its Retry-After, say) gets the problem body too.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        ExampleCatalogue catalogue = new ExampleCatalogue();
        ProblemExamples problems = new ProblemExamples();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values()
                .forEach(operation -> document(operation, path, catalogue, problems)));
    }

    @SuppressWarnings("unchecked")
    private static void document(Operation operation, String path, ExampleCatalogue catalogue, ProblemExamples problems) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return;
        }
        String instance = ExampleCatalogue.instance(path);
        catalogue.part(operation.getOperationId(), "problems").forEach((status, codes) -> {
            APIResponse response = problemResponse(responses, status);
            ((Map<String, Object>) codes).forEach((name, given) -> {
                ErrorCode code = ErrorCode.valueOf(name);
                if (!String.valueOf(code.status()).equals(status)) {
                    throw new IllegalStateException(operation.getOperationId() + ": " + name + " is a " + code.status()
                            + ", not a " + status);
                }
                Map<String, Object> spec = given == null ? Map.of() : (Map<String, Object>) given;
                example(response, name, (String) spec.get("summary"), problems.problem(code, instance, (List<Object>) spec.get("args"),
                        (List<Map<String, Object>>) spec.get("errors"), (Map<String, Object>) spec.get("extensions")));
            });
            if (response.getDescription() == null || response.getDescription().isBlank()) {
                response.setDescription(String.join(", ", ((Map<String, Object>) codes).keySet()));
            }
        });
        if (takesCredentials(operation)) {
            generic(responses, "401", "Missing, expired or invalid credentials: UNAUTHORIZED (or the operation's own code)",
                    problems.problem(ErrorCode.UNAUTHORIZED, instance, null, null, null));
        }
        generic(responses, "4XX", "Any other client error; switch on `code`. Every operation answers NOT_ACCEPTABLE when asked "
                + "for a type it does not produce", problems.problem(ErrorCode.NOT_ACCEPTABLE, instance, null, null, null));
        generic(responses, "500", "An unexpected failure: INTERNAL_ERROR, never a stack trace",
                problems.problem(ErrorCode.INTERNAL_ERROR, instance, null, null, null));
        if (responses.getDefaultValue() == null) {
            responses.setDefaultValue(OASFactory.createAPIResponse()
                    .description("An RFC 9457 problem; switch on `code`. 503 with Retry-After while the database is unreachable"));
        }
        example(problemContent(responses.getDefaultValue()), ErrorCode.DATABASE_UNAVAILABLE.name(), null,
                problems.problem(ErrorCode.DATABASE_UNAVAILABLE, instance, null, null, Map.of("retryAfterSeconds", 5)));
        responses.getAPIResponses().forEach((status, response) -> {
            if ((status.startsWith("4") || status.startsWith("5")) && response.getRef() == null) {
                problemContent(response);
            }
        });
    }

    private static void generic(APIResponses responses, String status, String description, Map<String, Object> example) {
        APIResponse response = problemResponse(responses, status);
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(description);
        }
        MediaType media = response.getContent().getMediaType(PROBLEM_JSON);
        String name = String.valueOf(example.get("code"));
        if (media.getExamples() == null || !media.getExamples().containsKey(name)) {
            example(response, name, null, example);
        }
    }

    private static APIResponse problemResponse(APIResponses responses, String status) {
        APIResponse response = responses.getAPIResponse(status);
        if (response == null) {
            response = OASFactory.createAPIResponse();
            responses.addAPIResponse(status, response);
        }
        return problemContent(response);
    }

    private static APIResponse problemContent(APIResponse response) {
        Content content = response.getContent();
        if (content == null) {
            content = OASFactory.createContent();
            response.setContent(content);
        }
        if (content.getMediaType(PROBLEM_JSON) == null) {
            content.addMediaType(PROBLEM_JSON, OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
        }
        return response;
    }

    private static void example(APIResponse response, String name, String summary, Map<String, Object> value) {
        response.getContent().getMediaType(PROBLEM_JSON).addExample(name,
                OASFactory.createExample().summary(summary != null ? summary : String.valueOf(value.get("title"))).value(value));
    }

    /** A token: the payment gateway's signed notices answer their own 401 codes, never UNAUTHORIZED. */
    private static boolean takesCredentials(Operation operation) {
        return operation.getSecurity() != null && operation.getSecurity().stream()
                .anyMatch(requirement -> requirement.getSchemes() != null && requirement.getSchemes().keySet().stream()
                        .anyMatch(scheme -> scheme.equals("bearer") || scheme.equals("adminBearer")));
    }
}
