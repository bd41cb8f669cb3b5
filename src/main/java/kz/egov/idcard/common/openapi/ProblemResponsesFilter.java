package kz.egov.idcard.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Every error the API answers is an RFC 9457 problem, and the document says so once, here, for
 * every operation instead of on every method: 401 where the operation takes credentials, any other
 * 4xx (validation, not found, conflict ...), 500 for the unexpected, and {@code default} for the
 * rest (503 with Retry-After). An error response an operation declares itself (a 429 with its
 * Retry-After, say) gets the problem body too when it names none.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return operation;
        }
        if (takesCredentials(operation)) {
            addIfAbsent(responses, "401", "Missing, expired or invalid credentials: UNAUTHORIZED (or the operation's own code)");
        }
        addIfAbsent(responses, "4XX", "Any other client error (validation, not found, conflict, ...); switch on `code`");
        addIfAbsent(responses, "500", "An unexpected failure: INTERNAL_ERROR, never a stack trace");
        if (responses.getDefaultValue() == null) {
            responses.setDefaultValue(problem("An RFC 9457 problem; switch on `code`"));
        }
        Map<String, APIResponse> all = responses.getAPIResponses();
        all.forEach((status, response) -> {
            if ((status.startsWith("4") || status.startsWith("5")) && response.getContent() == null && response.getRef() == null) {
                response.setContent(problemContent());
            }
        });
        return operation;
    }

    private static boolean takesCredentials(Operation operation) {
        return operation.getSecurity() != null && operation.getSecurity().stream()
                .anyMatch(requirement -> requirement.getSchemes() != null && !requirement.getSchemes().isEmpty());
    }

    private static void addIfAbsent(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, problem(description));
        }
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(problemContent());
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
        return OASFactory.createContent().addMediaType(PROBLEM_JSON,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
    }
}
