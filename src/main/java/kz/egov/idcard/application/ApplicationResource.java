package kz.egov.idcard.application;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import kz.egov.idcard.application.ApplicationViews.ApplicationView;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.i18n.Messages;
import kz.egov.idcard.common.web.ClientInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import kz.egov.idcard.common.security.Roles;

@Path("/applications")
@Tag(name = "Applications")
@RolesAllowed(Roles.CITIZEN)
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationResource {

    private final ApplicationService applications;
    private final Messages messages;
    private final JsonWebToken jwt;

    public ApplicationResource(ApplicationService applications, Messages messages, JsonWebToken jwt) {
        this.applications = applications;
        this.messages = messages;
        this.jwt = jwt;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApplication", summary = "Start an application", description = "For the caller only, only inside the eligibility window "
            + "(422 ELIGIBILITY_TOO_EARLY / ELIGIBILITY_TOO_LATE with the window's dates), and only one active application "
            + "per citizen (409 APPLICATION_ALREADY_ACTIVE with `existingApplicationId`). A retry with the same "
            + "Idempotency-Key returns the first answer.")
    @APIResponse(responseCode = "201", description = "A new draft",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    public Uni<RestResponse<ApplicationView>> create(@Valid @NotNull CreateApplication body,
            @Parameter(description = "Any unique string up to 128 characters [A-Za-z0-9._:-]; a retry with it returns the first answer",
                    example = "5f0c8a52-1d2e-4b7a-9c3f-7e6d5a4b3c2d",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 128, pattern = "^[A-Za-z0-9._:-]{1,128}$"))
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Context HttpServerRequest request, @Context UriInfo uri) {
        return applications.create(jwt.getSubject(), Channel.valueOf(body.channel()), messages.resolve(acceptLanguage),
                        idempotencyKey, ClientInfo.of(request))
                .map(answer -> RestResponse.ResponseBuilder.<ApplicationView>created(
                                uri.getAbsolutePathBuilder().path(answer.body().id().toString()).build())
                        .header("Idempotent-Replayed", String.valueOf(answer.replayed()))
                        .entity(answer.body()).build());
    }

    @GET
    @Operation(operationId = "listApplications", summary = "The caller's applications", description = "Newest first.")
    public Uni<List<ApplicationView>> list(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return applications.list(jwt.getSubject(), messages.resolve(acceptLanguage));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getApplication", summary = "One of the caller's applications", description = "Status, channel, steps done and due, "
            + "ready-on date once submitted, and the history of every transition. Another citizen's application is a 404.")
    public Uni<ApplicationView> get(
            @PathParam("id") @Parameter(schema = @Schema(implementation = UUID.class)) String id,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return applications.get(jwt.getSubject(), ApplicationIds.parse(id), messages.resolve(acceptLanguage));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "cancelApplication", summary = "Cancel a draft", description = "Only a DRAFT can be cancelled (409 APPLICATION_NOT_CANCELLABLE otherwise).")
    public Uni<ApplicationView> cancel(
            @PathParam("id") @Parameter(schema = @Schema(implementation = UUID.class)) String id,
            @Context HttpServerRequest request) {
        return applications.cancel(jwt.getSubject(), ApplicationIds.parse(id), ClientInfo.of(request));
    }

    @RegisterForReflection
    @Schema(name = "CreateApplication")
    public record CreateApplication(
            @NotNull @Pattern(regexp = "WEB|MOBILE", message = "{UNKNOWN_CHANNEL}")
            @Schema(required = true, enumeration = {"WEB", "MOBILE"}, example = "MOBILE") String channel) {
    }
}
