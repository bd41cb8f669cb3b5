package kz.egov.idcard.signing;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Base64;
import java.util.UUID;
import kz.egov.idcard.application.ApplicationIds;
import kz.egov.idcard.application.ApplicationViews.ApplicationView;
import kz.egov.idcard.application.Step;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.error.ValidationProblem;
import kz.egov.idcard.common.i18n.Messages;
import kz.egov.idcard.common.web.ClientInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import kz.egov.idcard.common.security.Roles;

@Path("/applications/{id}/signing-challenge")
@Tag(name = "Applications")
@RolesAllowed(Roles.CITIZEN)
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class SigningChallengeResource extends SigningResource {

    private final SigningChallenges challenges;

    public SigningChallengeResource(DeviceSigner device, SigningChallenges challenges, Messages messages, JsonWebToken jwt) {
        super(device, messages, jwt);
        this.challenges = challenges;
    }

    @GET
    @Operation(operationId = "getSigningChallenge", summary = "What to sign", description = "A challenge embedding the SHA-256 digest of the application's "
            + "canonical content and a fresh nonce; single use, it replaces any earlier open one. Due when the channel's "
            + "signing step is (web: SIGNATURE after the questionnaire; mobile: CONFIRMATION after payment).")
    public Uni<SigningChallenges.ChallengeView> challenge(
            @PathParam("id") @Parameter(schema = @Schema(implementation = UUID.class)) String id) {
        return challenges.issue(jwt.getSubject(), ApplicationIds.parse(id));
    }
}
