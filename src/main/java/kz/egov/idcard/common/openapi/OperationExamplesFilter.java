package kz.egov.idcard.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * What makes the document a guide: the start-here walk ({@code openapi/guide.md}) as its
 * description, the paths in the order of the journey (Swagger UI lists a tag's operations in
 * path order), and each operation's own request and response examples from the example
 * catalogue, so that nothing is stitched together from field examples.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class OperationExamplesFilter implements OASFilter {

    /** The journey: paths starting with these come in this order; the rest keep theirs after them. */
    static final List<String> JOURNEY = List.of(
            "/api/v1/auth/otp", "/api/v1/auth/otp/{challengeId}/verify", "/api/v1/auth/token/refresh", "/api/v1/auth/logout",
            "/api/v1/me", "/api/v1/devices", "/api/v1/devices/{id}",
            "/api/v1/services/id-card-replacement/eligibility", "/api/v1/applications", "/api/v1/applications/{id}",
            "/api/v1/applications/{id}/biometrics", "/api/v1/applications/{id}/questionnaire", "/api/v1/applications/{id}/payment",
            "/api/v1/applications/{id}/signing-challenge", "/api/v1/applications/{id}/signature",
            "/api/v1/applications/{id}/signature/sms", "/api/v1/applications/{id}/confirmation", "/api/v1/applications/{id}/cancel",
            "/api/v1/regions", "/api/v1/registration-points", "/api/v1/fees/quote",
            "/api/v1/tson/{id}/slots", "/api/v1/bookings", "/api/v1/bookings/{id}/cancel",
            "/api/v1/reminders", "/api/v1/reminders/{id}",
            "/api/v1/payments/notifications",
            "/api/v1/operator/applications", "/api/v1/operator/applications/{id}/transitions",
            "/api/v1/operator/bookings", "/api/v1/operator/bookings/{id}/transitions",
            "/api/v1/admin/",
            "/api/v1/sandbox/personas", "/api/v1/sandbox/citizens", "/api/v1/sandbox/citizens/{iin}/reference-photo",
            "/api/v1/sandbox/sms", "/api/v1/sandbox/push", "/api/v1/sandbox/payments/{invoiceId}/pay", "/api/v1/sandbox/refunds",
            "/api/v1/sandbox/devices", "/api/v1/sandbox/devices/{deviceId}/signature", "/api/v1/sandbox/eds/signature",
            "/api/v1/sandbox/eds/certificates", "/api/v1/sandbox/operator-token", "/api/v1/sandbox/admin-token");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        try (InputStream guide = ProblemExamples.resource("openapi/guide.md")) {
            openAPI.getInfo().setDescription(new String(guide.readAllBytes(), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        ExampleCatalogue catalogue = new ExampleCatalogue();
        Set<String> documented = new HashSet<>();
        Map<String, PathItem> paths = openAPI.getPaths().getPathItems();
        paths.values().forEach(item -> item.getOperations().values().forEach(operation -> {
            documented.add(operation.getOperationId());
            examples(operation, catalogue);
        }));
        Set<String> unknown = new HashSet<>(catalogue.operationIds());
        unknown.removeAll(documented);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("openapi/examples name operations that do not exist: " + unknown);
        }
        Map<String, PathItem> ordered = new LinkedHashMap<>();
        paths.keySet().stream().sorted(Comparator.comparingInt(OperationExamplesFilter::journeyIndex)).forEach(p -> ordered.put(p, paths.get(p)));
        openAPI.getPaths().setPathItems(ordered);
    }

    private static int journeyIndex(String path) {
        for (int i = 0; i < JOURNEY.size(); i++) {
            String step = JOURNEY.get(i);
            if (step.endsWith("/") ? path.startsWith(step) : path.equals(step)) {
                return i;
            }
        }
        return JOURNEY.size();
    }

    @SuppressWarnings("unchecked")
    private static void examples(Operation operation, ExampleCatalogue catalogue) {
        Map<String, Object> request = catalogue.part(operation.getOperationId(), "request");
        if (!request.isEmpty()) {
            if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
                throw new IllegalStateException(operation.getOperationId() + " takes no request body, yet has request examples");
            }
            add(operation.getRequestBody().getContent(), request, operation.getOperationId() + " request");
        }
        catalogue.part(operation.getOperationId(), "responses").forEach((status, examples) -> {
            APIResponse response = operation.getResponses() == null ? null : operation.getResponses().getAPIResponse(status);
            if (response == null || response.getContent() == null) {
                throw new IllegalStateException(operation.getOperationId() + " has no " + status + " body to show an example of");
            }
            add(response.getContent(), (Map<String, Object>) examples, operation.getOperationId() + " " + status);
        });
    }

    @SuppressWarnings("unchecked")
    private static void add(Content content, Map<String, Object> examples, String where) {
        MediaType json = content.getMediaType("application/json");
        if (json == null) {
            throw new IllegalStateException(where + " is not JSON: its examples cannot be shown");
        }
        examples.forEach((name, given) -> {
            Map<String, Object> example = (Map<String, Object>) given;
            if (!example.containsKey("value")) {
                throw new IllegalStateException(where + " example " + name + " has no value");
            }
            json.addExample(name, OASFactory.createExample().summary((String) example.get("summary")).value(example.get("value")));
        });
    }
}
