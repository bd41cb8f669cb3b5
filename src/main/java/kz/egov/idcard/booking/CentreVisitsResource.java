package kz.egov.idcard.booking;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import kz.egov.idcard.booking.BookingViews.VisitView;
import kz.egov.idcard.common.i18n.Messages;
import kz.egov.idcard.common.security.Roles;
import kz.egov.idcard.common.web.ClientInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A Public Service Center's operators (an operator token whose {@code point_id} is the centre) see
 * the day's booked visits with the online data, and mark each visit.
 */
@Path("/operator/bookings")
@Tag(name = "Public Service Center")
@RolesAllowed(Roles.OPERATOR)
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class CentreVisitsResource {

    private final CentreVisits visits;
    private final Messages messages;
    private final JsonWebToken jwt;

    public CentreVisitsResource(CentreVisits visits, Messages messages, JsonWebToken jwt) {
        this.visits = visits;
        this.messages = messages;
        this.jwt = jwt;
    }

    @GET
    @Operation(operationId = "listCentreVisits", summary = "The day's visits booked at the operator's centre",
            description = "Only the centre in the token's `point_id` (a registration point's operator sees none). In time order, "
                    + "cancelled ones left out; each with its number, the citizen's name and IIN and, when the citizen attached "
                    + "their application, why they were sent to a centre and what they answered online.")
    @APIResponse(responseCode = "200", description = "The day's visits (at most a day of 5-minute slots of 100 citizens)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, maxItems = 28800, implementation = VisitView.class)))
    public Uni<List<VisitView>> list(
            @QueryParam("date") @Parameter(required = true, description = "Local date (Asia/Almaty)", example = "2026-12-14",
                    schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10)) String date,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return visits.day(centre(), Dates.required("date", date), messages.resolve(acceptLanguage));
    }

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "markCentreVisit", summary = "Mark a visit SERVED or NO_SHOW",
            description = "Only a BOOKED visit (409 BOOKING_NOT_ACTIVE otherwise); another centre's booking is a 404. Audited.")
    public Uni<VisitView> mark(@PathParam("id") @Parameter(schema = @Schema(implementation = UUID.class)) String id,
            @Valid @NotNull VisitOutcome body, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Context HttpServerRequest request) {
        return visits.mark(jwt.getSubject(), centre(), BookingIds.parse(id), BookingStatus.valueOf(body.to()),
                messages.resolve(acceptLanguage), ClientInfo.of(request));
    }

    private String centre() {
        return String.valueOf(jwt.<Object>getClaim(Roles.POINT_CLAIM));
    }

    @RegisterForReflection
    @Schema(name = "CentreVisitOutcome", additionalProperties = Schema.False.class)
    public record VisitOutcome(
            @NotNull @Pattern(regexp = "SERVED|NO_SHOW", message = "{UNKNOWN_STATUS}")
            @Schema(required = true, enumeration = {"SERVED", "NO_SHOW"}, example = "SERVED") String to) {
    }
}
