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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import kz.egov.idcard.booking.BookingViews.BookingView;
import kz.egov.idcard.common.i18n.Messages;
import kz.egov.idcard.common.security.Roles;
import kz.egov.idcard.common.web.ClientInfo;
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

/** The citizen's visits to Public Service Centers (docs/product.md, Public Service Center visits). */
@Path("/bookings")
@Tag(name = "Public Service Center visits")
@RolesAllowed(Roles.CITIZEN)
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class BookingResource {

    private final BookingService bookings;
    private final Messages messages;
    private final JsonWebToken jwt;

    public BookingResource(BookingService bookings, Messages messages, JsonWebToken jwt) {
        this.bookings = bookings;
        this.messages = messages;
        this.jwt = jwt;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createBooking", summary = "Book a visit to a Public Service Center",
            description = "At a `start` from GET /tson/{id}/slots (422 SLOT_NOT_OFFERED otherwise). A full slot is 409 SLOT_FULL; "
                    + "a citizen has one visit booked at a time (409 BOOKING_ALREADY_ACTIVE with `existingBookingId`: cancel it "
                    + "first). `applicationId`, one of the caller's own applications, shows the centre what was done online. The "
                    + "phone the citizen logged in with gets an SMS (and the app a push) with the number, the address and the time, "
                    + "and a reminder the day before. A retry with the same Idempotency-Key returns the first answer.")
    @APIResponse(responseCode = "201", description = "Booked", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BookingView.class)))
    public Uni<RestResponse<BookingView>> create(@Valid @NotNull NewBookingRequest body,
            @Parameter(description = "Any unique string up to 128 characters [A-Za-z0-9._:-]; a retry with it returns the first answer",
                    example = "9d2b5c7e-3f4a-4b6c-8d1e-2a3b4c5d6e7f",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 128, pattern = "^[A-Za-z0-9._:-]{1,128}$"))
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Context HttpServerRequest request, @Context UriInfo uri) {
        BookingService.NewBooking booking = new BookingService.NewBooking(body.tsonId().strip(), body.start(),
                body.applicationId() == null ? null : UUID.fromString(body.applicationId()));
        String phone = jwt.getClaim(Roles.PHONE_CLAIM);
        return bookings.book(jwt.getSubject(), phone, booking, messages.resolve(acceptLanguage), idempotencyKey, ClientInfo.of(request))
                .map(answer -> RestResponse.ResponseBuilder.<BookingView>created(
                                uri.getAbsolutePathBuilder().path(answer.body().id().toString()).build())
                        .header("Idempotent-Replayed", String.valueOf(answer.replayed()))
                        .entity(answer.body()).build());
    }

    @GET
    @Operation(operationId = "listBookings", summary = "The caller's booked visits", description = "Latest visit first, "
            + "cancelled and past ones included, at most 50.")
    @APIResponse(responseCode = "200", description = "The caller's latest bookings", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, maxItems = BookingService.LISTED, implementation = BookingView.class)))
    public Uni<List<BookingView>> list() {
        return bookings.list(jwt.getSubject());
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "cancelBooking", summary = "Cancel a booked visit", description = "Only a BOOKED visit that has not "
            + "begun (409 BOOKING_NOT_ACTIVE otherwise); its place is free again at once. Another citizen's booking is a 404.")
    public Uni<BookingView> cancel(@PathParam("id") @Parameter(schema = @Schema(implementation = UUID.class)) String id,
            @Context HttpServerRequest request) {
        return bookings.cancel(jwt.getSubject(), BookingIds.parse(id), ClientInfo.of(request));
    }

    @RegisterForReflection
    @Schema(name = "NewBooking", additionalProperties = Schema.False.class)
    public record NewBookingRequest(
            @NotNull @Pattern(regexp = "^[A-Z0-9-]{1,32}$")
            @Schema(required = true, maxLength = 32, pattern = "^[A-Z0-9-]{1,32}$", example = "TSON-AST-01") String tsonId,
            @NotNull @Schema(required = true, description = "A slot's `start`, as GET /tson/{id}/slots gives it",
                    example = "2026-12-14T10:20:00+05:00") OffsetDateTime start,
            @Pattern(regexp = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
            @Schema(format = "uuid", maxLength = 36, description = "One of the caller's applications, for the centre to see",
                    example = "0b3c1e6a-6b0e-4a39-9d55-1f0c2c7e9a10") String applicationId) {
    }
}
