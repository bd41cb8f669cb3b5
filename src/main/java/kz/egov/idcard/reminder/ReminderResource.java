package kz.egov.idcard.reminder;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.i18n.Messages;
import kz.egov.idcard.common.security.Roles;
import kz.egov.idcard.common.web.ClientInfo;
import kz.egov.idcard.reminder.Reminders.ReminderView;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Reminders a citizen asks for (docs/product.md, Reminders). */
@Path("/reminders")
@Tag(name = "Reminders")
@RolesAllowed(Roles.CITIZEN)
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ReminderResource {

    private final Reminders reminders;
    private final Messages messages;
    private final JsonWebToken jwt;

    public ReminderResource(Reminders reminders, Messages messages, JsonWebToken jwt) {
        this.reminders = reminders;
        this.messages = messages;
        this.jwt = jwt;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createReminder", summary = "Be reminded when online replacement opens",
            description = "`WINDOW_OPENS`, for a citizen too early for the online window (eligibility TOO_EARLY): an SMS to the "
                    + "phone of the login and a push, in the caller's language, on the day the window opens. Anyone else has "
                    + "nothing to wait for (422 REMINDER_NOT_APPLICABLE with the eligibility `reason`); one at a time (409 "
                    + "REMINDER_ALREADY_SET with `existingReminderId`). The other reminders (a draft about to expire, a visit "
                    + "tomorrow, a card not collected) come by themselves.")
    @APIResponse(responseCode = "201", description = "Set", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReminderView.class)))
    public Uni<RestResponse<ReminderView>> create(@Valid @NotNull NewReminder body,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, @Context HttpServerRequest request, @Context UriInfo uri) {
        return reminders.remindWindowOpens(jwt.getSubject(), jwt.getClaim(Roles.PHONE_CLAIM), messages.resolve(acceptLanguage),
                        ClientInfo.of(request))
                .map(view -> RestResponse.ResponseBuilder.<ReminderView>created(uri.getAbsolutePathBuilder().path(view.id().toString())
                        .build()).entity(view).build());
    }

    @GET
    @Operation(operationId = "listReminders", summary = "The reminders the caller asked for", description = "Pending and sent, "
            + "the latest due first, at most 50; withdrawn ones are gone.")
    @APIResponse(responseCode = "200", description = "The caller's reminders", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, maxItems = Reminders.LISTED, implementation = ReminderView.class)))
    public Uni<List<ReminderView>> list() {
        return reminders.list(jwt.getSubject());
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "withdrawReminder", summary = "Withdraw a reminder", description = "Only one not sent yet (409 "
            + "REMINDER_ALREADY_SENT); another citizen's is a 404.")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    public Uni<Void> withdraw(@PathParam("id") @Parameter(schema = @Schema(implementation = UUID.class)) String id,
            @Context HttpServerRequest request) {
        UUID parsed;
        try {
            parsed = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.REMINDER_NOT_FOUND);
        }
        return reminders.withdraw(jwt.getSubject(), parsed, ClientInfo.of(request));
    }

    @RegisterForReflection
    @Schema(name = "NewReminder", additionalProperties = Schema.False.class)
    public record NewReminder(
            @NotNull @Pattern(regexp = "WINDOW_OPENS", message = "{UNKNOWN_REMINDER}")
            @Schema(required = true, enumeration = {"WINDOW_OPENS"}, example = "WINDOW_OPENS") String kind) {
    }
}
