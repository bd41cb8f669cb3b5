package kz.egov.idcard.operator;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import kz.egov.idcard.application.ApplicationStatus;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.error.ValidationProblem;
import kz.egov.idcard.common.web.ClientInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import static kz.egov.idcard.common.Texts.FREE_TEXT;
import kz.egov.idcard.common.security.Roles;

@Path("/operator/applications")
@Tag(name = "Registration point")
@RolesAllowed(Roles.OPERATOR)
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorResource {

    private final OperatorService operators;
    private final JsonWebToken jwt;

    public OperatorResource(OperatorService operators, JsonWebToken jwt) {
        this.operators = operators;
        this.jwt = jwt;
    }

    @GET
    @Operation(operationId = "listPointApplications", summary = "Applications to be picked up at the operator's point", description = "Only the point in the "
            + "token's `point_id`; drafts are the citizens' own business and are not shown.")
    public Uni<List<OperatorService.OperatorView>> list(
            @Parameter(schema = @Schema(enumeration = {"SUBMITTED", "IN_PRODUCTION", "READY_FOR_PICKUP", "ISSUED", "REJECTED"}),
                    example = "SUBMITTED") @QueryParam("status") String status) {
        ApplicationStatus filter = null;
        if (status != null) {
            try {
                filter = ApplicationStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw ValidationProblem.of("status", "UNKNOWN_STATUS");
            }
        }
        return operators.list(point(), filter);
    }

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "moveApplication", summary = "Move an application", description = "SUBMITTED → IN_PRODUCTION → READY_FOR_PICKUP → ISSUED, or "
            + "REJECTED with a reason from any of the first three; any other move is a 409 TRANSITION_NOT_ALLOWED. Another "
            + "point's application is a 404. READY_FOR_PICKUP and REJECTED send the citizen an SMS.")
    public Uni<OperatorService.OperatorView> move(
            @PathParam("id") @Parameter(schema = @Schema(implementation = UUID.class)) String id,
            @Valid @NotNull Transition body,
            
            @Context HttpServerRequest request) {
        return operators.move(jwt.getSubject(), point(), kz.egov.idcard.application.ApplicationIds.parse(id), ApplicationStatus.valueOf(body.to()), body.reason(),
                ClientInfo.of(request));
    }

    private String point() {
        return jwt.getClaim(Roles.POINT_CLAIM).toString();
    }

    @RegisterForReflection
    @Schema(name = "Transition")
    public record Transition(
            @NotNull @Pattern(regexp = "IN_PRODUCTION|READY_FOR_PICKUP|ISSUED|REJECTED", message = "{UNKNOWN_STATUS}")
            @Schema(required = true, enumeration = {"IN_PRODUCTION", "READY_FOR_PICKUP", "ISSUED", "REJECTED"},
                    example = "IN_PRODUCTION") String to,
            @Size(max = 500) @Pattern(regexp = FREE_TEXT) @Schema(pattern = FREE_TEXT, description = "Required for REJECTED", example = "Sent to production") String reason) {
    }
}
