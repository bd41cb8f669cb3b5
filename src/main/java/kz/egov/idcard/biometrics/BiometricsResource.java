package kz.egov.idcard.biometrics;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import kz.egov.idcard.application.ApplicationViews.ApplicationView;
import kz.egov.idcard.application.ApplicationIds;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.i18n.Messages;
import kz.egov.idcard.common.web.ClientInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import kz.egov.idcard.common.security.Roles;

@Path("/applications/{id}/biometrics")
@Tag(name = "Applications")
@RolesAllowed(Roles.CITIZEN)
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class BiometricsResource {

    private final BiometricsService biometrics;
    private final Messages messages;
    private final JsonWebToken jwt;

    public BiometricsResource(BiometricsService biometrics, Messages messages, JsonWebToken jwt) {
        this.biometrics = biometrics;
        this.messages = messages;
        this.jwt = jwt;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "matchFace", summary = "Face match: the selfie against the registry photo",
            description = "The BIOMETRICS step. MATCH completes it; NO_MATCH answers `attemptsLeft`; misses count per "
                    + "citizen across applications (3 within 30 days), and once they are used up a new application is sent on "
                    + "at once (reason ATTEMPTS_EXHAUSTED) without asking the matcher. After the last "
                    + "allowed miss, or at once when the face cannot be processed, the application is REDIRECTED_TO_TSON "
                    + "with the reason and the Public Service Centers of the citizen's region: never a refusal. A picture "
                    + "that is not a readable JPEG or PNG within the limits is a 400 and uses no attempt; a matcher outage "
                    + "is a 503 BIOMETRICS_UNAVAILABLE with Retry-After and uses no attempt.")
    public Uni<Result> attempt(
            @PathParam("id") @Parameter(schema = @Schema(implementation = UUID.class)) String id,
            @Valid @NotNull Selfie body,
            
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, @Context HttpServerRequest request) {
        return biometrics.attempt(jwt.getSubject(), ApplicationIds.parse(id), body.selfie(), messages.resolve(acceptLanguage),
                        ClientInfo.of(request))
                .map(outcome -> new Result(outcome.result(), outcome.attemptsLeft(), outcome.application()));
    }


    /** Base64 of the largest selfie (idcard.biometrics.max-selfie-bytes, 5 MiB by default). */
    static final int SELFIE_BASE64_MAX = (5 * 1024 * 1024 + 2) / 3 * 4;

    @RegisterForReflection
    @Schema(name = "Selfie")
    public record Selfie(
            @NotNull @Size(max = SELFIE_BASE64_MAX) @Schema(format = "byte", required = true, description = "Base64 of a JPEG or PNG, at most 5 MiB, 64 to 4096 pixels a side. In the sandbox, send the base64 of GET /sandbox/citizens/{iin}/reference-photo to match, any other picture to miss, a blank one to be redirected at once.",
                    example = "iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAIAAAAlC+aJAAAAY0lEQVR42u3XoREAIAwEwZST/hskFbyKgWHREay6+TrhdXi33RcAAAAAwArwykfTPQAAAADADqDEAAAAAPaAEgMAAADYA0oMAAAAYA8oMQAAAIA9oMQAAAAA9oASAwAAAHwDGEqkqZZEECz9AAAAAElFTkSuQmCC")
            String selfie) {
    }

    @RegisterForReflection
    @Schema(name = "BiometricResult", description = "MATCH or NO_MATCH and the attempts left: never the matcher's score, "
            + "from which pictures could be tuned (it stays in the audit record)")
    public record Result(
            @Schema(enumeration = {"MATCH", "NO_MATCH", "REDIRECTED_TO_TSON"}, example = "NO_MATCH") String result,
            @Schema(minimum = "0", maximum = "10", format = "int32", description = "Misses left before the redirect to a Public Service Center", example = "2") int attemptsLeft,
            ApplicationView application) {
    }
}
