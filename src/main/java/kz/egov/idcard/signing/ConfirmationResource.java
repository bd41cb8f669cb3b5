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

@Path("/applications/{id}/confirmation")
@Tag(name = "Applications")
@RolesAllowed(Roles.CITIZEN)
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ConfirmationResource extends SigningResource {

    public ConfirmationResource(DeviceSigner device, Messages messages, JsonWebToken jwt) {
        super(device, messages, jwt);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "confirmApplication", summary = "Confirm with Face ID / Touch ID (mobile)", description = "The CONFIRMATION step, the mobile "
            + "channel's last: the same body as a DEVICE signature. When it is accepted the application is SUBMITTED "
            + "with its ready-on date.")
    public Uni<ApplicationView> confirm(
            @PathParam("id") @Parameter(schema = @Schema(implementation = UUID.class)) String id,
            @Valid @NotNull SignatureRequest body,
            
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, @Context HttpServerRequest request) {
        return signWithDevice(id, Step.CONFIRMATION, body, acceptLanguage, request);
    }
}
