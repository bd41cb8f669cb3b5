package kz.egov.idcard.booking;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import kz.egov.idcard.booking.BookingViews.SlotView;
import kz.egov.idcard.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A Public Service Center's reception slots (docs/product.md, Public Service Center visits). */
@Path("/tson")
@Tag(name = "Public Service Center visits")
@RolesAllowed(Roles.CITIZEN)
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class TsonSlotsResource {

    private final BookingService bookings;

    public TsonSlotsResource(BookingService bookings) {
        this.bookings = bookings;
    }

    @GET
    @Path("/{id}/slots")
    @Operation(operationId = "listTsonSlots", summary = "A Public Service Center's free times on a day",
            description = "The centre's reception slots for ID cards on the day, inside its opening hours, on working days only "
                    + "(none on a weekend, a holiday or a day off of Kazakhstan's calendar), each with its capacity and the places "
                    + "still free. Slots that have begun or start within the hour are not offered, nor days more than 30 days ahead. "
                    + "The centres a redirected citizen may choose are in the application's `redirect.centers`.")
    @APIResponse(responseCode = "200", description = "The day's slots in time order (5-minute slots at the shortest)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, maxItems = 288, implementation = SlotView.class)))
    public Uni<List<SlotView>> slots(
            @PathParam("id") @Parameter(description = "The centre's id", example = "TSON-AST-01",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 32, pattern = "^[A-Z0-9-]{1,32}$")) String id,
            @QueryParam("date") @Parameter(required = true, description = "Local date (Asia/Almaty)", example = "2026-12-14",
                    schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10)) String date) {
        return bookings.slots(id, Dates.required("date", date));
    }
}
