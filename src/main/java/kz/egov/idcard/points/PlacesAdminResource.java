package kz.egov.idcard.points;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
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
import static kz.egov.idcard.common.Texts.FREE_TEXT;

/** Registration points and Public Service Centers, published while the service runs (docs/product.md R5). */
@Path("/admin")
@Tag(name = "Administration")
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "adminBearer")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PlacesAdminResource {

    private static final String ID = "^[A-Z0-9-]{2,32}$";

    private final PlacePublisher publisher;
    private final JsonWebToken jwt;

    public PlacesAdminResource(PlacePublisher publisher, JsonWebToken jwt) {
        this.publisher = publisher;
        this.jwt = jwt;
    }

    @POST
    @Path("/registration-points")
    @Operation(operationId = "createRegistrationPoint", summary = "Open a registration point", description = "Offered to citizens "
            + "at once (GET /registration-points, the questionnaire); 409 PLACE_ALREADY_EXISTS for a known id. Audited.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PlacePublisher.PlaceView.class)))
    public Uni<RestResponse<PlacePublisher.PlaceView>> createPoint(@Valid @NotNull NewPlace body, @Context HttpServerRequest request) {
        return publisher.createPoint(body.id(), body.place().published(), jwt.getSubject(), ClientInfo.of(request))
                .map(view -> RestResponse.status(RestResponse.Status.CREATED, view));
    }

    @PUT
    @Path("/registration-points/{id}")
    @Operation(operationId = "updateRegistrationPoint", summary = "Change a registration point", description = "Its names, address, "
            + "hours or tiers; applications already made keep their point. Audited with what it was before.")
    public Uni<PlacePublisher.PlaceView> updatePoint(@PathParam("id") @Parameter(schema = @Schema(type = SchemaType.STRING,
            maxLength = 32, pattern = ID), example = "AST-01") String id, @Valid @NotNull PlaceRequest body, @Context HttpServerRequest request) {
        return publisher.updatePoint(id, body.published(), jwt.getSubject(), ClientInfo.of(request));
    }

    @POST
    @Path("/registration-points/{id}/deactivate")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "deactivateRegistrationPoint", summary = "Stop offering a registration point", description = "No new "
            + "questionnaire can choose it; applications already made keep it. Audited.")
    public Uni<PlacePublisher.PlaceView> deactivatePoint(@PathParam("id") @Parameter(schema = @Schema(type = SchemaType.STRING,
            maxLength = 32, pattern = ID), example = "AST-03") String id, @Context HttpServerRequest request) {
        return publisher.deactivatePoint(id, jwt.getSubject(), ClientInfo.of(request));
    }

    @POST
    @Path("/tson")
    @Operation(operationId = "createPublicServiceCenter", summary = "Open a Public Service Center", description = "Listed at once "
            + "to the citizens of its region who are sent to a centre; 409 PLACE_ALREADY_EXISTS for a known id. Audited.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PlacePublisher.PlaceView.class)))
    public Uni<RestResponse<PlacePublisher.PlaceView>> createCenter(@Valid @NotNull NewPlace body, @Context HttpServerRequest request) {
        return publisher.createCenter(body.id(), body.place().published(), jwt.getSubject(), ClientInfo.of(request))
                .map(view -> RestResponse.status(RestResponse.Status.CREATED, view));
    }

    @PUT
    @Path("/tson/{id}")
    @Operation(operationId = "updatePublicServiceCenter", summary = "Change a Public Service Center", description = "Its names, "
            + "address, hours or phone. Audited with what it was before.")
    public Uni<PlacePublisher.PlaceView> updateCenter(@PathParam("id") @Parameter(schema = @Schema(type = SchemaType.STRING,
            maxLength = 32, pattern = ID), example = "TSON-AST-01") String id, @Valid @NotNull PlaceRequest body,
            @Context HttpServerRequest request) {
        return publisher.updateCenter(id, body.published(), jwt.getSubject(), ClientInfo.of(request));
    }

    @POST
    @Path("/tson/{id}/deactivate")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "deactivatePublicServiceCenter", summary = "Stop listing a Public Service Center", description = "It "
            + "is no longer listed to citizens sent to a centre. Audited.")
    public Uni<PlacePublisher.PlaceView> deactivateCenter(@PathParam("id") @Parameter(schema = @Schema(type = SchemaType.STRING,
            maxLength = 32, pattern = ID), example = "TSON-AST-02") String id, @Context HttpServerRequest request) {
        return publisher.deactivateCenter(id, jwt.getSubject(), ClientInfo.of(request));
    }

    @PUT
    @Path("/tson/{id}/reception")
    @Operation(operationId = "setPublicServiceCenterReception", summary = "Set a Public Service Center's reception for ID cards",
            description = "The length of a booking slot and how many citizens one slot takes; a value left out returns to the "
                    + "default for all centres (idcard.tson.slot-length, idcard.tson.slot-capacity). Slots offered from then on "
                    + "follow it; visits already booked keep their times. Audited with what it was before.")
    public Uni<Reception> setReception(@PathParam("id") @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 32,
            pattern = ID), example = "TSON-AST-01") String id, @Valid @NotNull ReceptionRequest body, @Context HttpServerRequest request) {
        return publisher.setReception(id, body.slotMinutes(), body.capacity(), jwt.getSubject(), ClientInfo.of(request));
    }

    @RegisterForReflection
    @Schema(name = "ReceptionRequest", additionalProperties = Schema.False.class)
    public record ReceptionRequest(
            @Min(5) @Max(240) @Schema(minimum = "5", maximum = "240", description = "Minutes of one slot; the default when left out",
                    example = "30") Integer slotMinutes,
            @Min(1) @Max(100) @Schema(minimum = "1", maximum = "100", description = "Citizens one slot takes; the default when left out",
                    example = "3") Integer capacity) {
    }

    @RegisterForReflection
    @Schema(name = "LocalizedText", additionalProperties = Schema.False.class)
    public record Names(
            @NotBlank @Size(max = 300) @Pattern(regexp = FREE_TEXT) @Schema(required = true, maxLength = 300, pattern = FREE_TEXT,
                    example = "Сауран көшесі, 3/1") String kk,
            @NotBlank @Size(max = 300) @Pattern(regexp = FREE_TEXT) @Schema(required = true, maxLength = 300, pattern = FREE_TEXT,
                    example = "ул. Сауран, 3/1") String ru,
            @NotBlank @Size(max = 300) @Pattern(regexp = FREE_TEXT) @Schema(required = true, maxLength = 300, pattern = FREE_TEXT,
                    example = "Sauran St 3/1") String en) {

        PlacePublisher.Names names() {
            return new PlacePublisher.Names(kk.strip(), ru.strip(), en.strip());
        }
    }

    @RegisterForReflection
    @Schema(name = "OpeningHoursInput", additionalProperties = Schema.False.class)
    public record HoursInput(
            @NotNull @Pattern(regexp = "^(MON|TUE|WED|THU|FRI|SAT|SUN)(-(MON|TUE|WED|THU|FRI|SAT|SUN))?$")
            @Schema(required = true, maxLength = 7, pattern = "^(MON|TUE|WED|THU|FRI|SAT|SUN)(-(MON|TUE|WED|THU|FRI|SAT|SUN))?$",
                    example = "MON-FRI") String days,
            @NotNull @Pattern(regexp = "^([01][0-9]|2[0-3]):[0-5][0-9]$")
            @Schema(required = true, maxLength = 5, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$", example = "09:00") String opens,
            @NotNull @Pattern(regexp = "^([01][0-9]|2[0-3]):[0-5][0-9]$")
            @Schema(required = true, maxLength = 5, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$", example = "18:00") String closes) {
    }

    @RegisterForReflection
    @Schema(name = "PlaceRequest", additionalProperties = Schema.False.class,
            description = "A registration point (with `tiers`) or a Public Service Center (with `phone`)")
    public record PlaceRequest(
            @NotNull @Pattern(regexp = "^[A-Z_]{2,32}$") @Schema(required = true, maxLength = 32, pattern = "^[A-Z_]{2,32}$",
                    example = "ASTANA") String regionCode,
            @Valid @NotNull @Schema(required = true, example = "{\"kk\":\"Астана\",\"ru\":\"Астана\",\"en\":\"Astana\"}") Names city,
            @Valid @NotNull @Schema(required = true, example = "{\"kk\":\"Жеке куәлік беру пункті\",\"ru\":\"Пункт выдачи удостоверений\","
                    + "\"en\":\"ID card issuance point\"}") Names name,
            @Valid @NotNull @Schema(required = true, example = "{\"kk\":\"Сауран көшесі, 3/1\",\"ru\":\"ул. Сауран, 3/1\",\"en\":\"Sauran St 3/1\"}")
            Names address,
            @NotNull @Size(min = 1, max = 7) @Schema(required = true, minItems = 1, maxItems = 7,
                    example = "[{\"days\":\"MON-FRI\",\"opens\":\"09:00\",\"closes\":\"18:00\"}]") List<@Valid HoursInput> hours,
            @Size(max = 3) @Schema(maxItems = 3, description = "Registration points: the tiers offered (at least one)",
                    example = "[\"STANDARD\",\"EXPEDITED\"]") List<Tier> tiers,
            @Size(max = 32) @Pattern(regexp = FREE_TEXT) @Schema(maxLength = 32, pattern = FREE_TEXT,
                    description = "Public Service Centers: the phone", example = "1414") String phone) {

        PlacePublisher.Published published() {
            return new PlacePublisher.Published(regionCode, city.names(), name.names(), address.names(),
                    hours.stream().map(h -> new PointViews.Hours(h.days(), h.opens(), h.closes())).toList(), tiers, phone);
        }
    }

    @RegisterForReflection
    @Schema(name = "NewPlace", additionalProperties = Schema.False.class)
    public record NewPlace(
            @NotNull @Pattern(regexp = ID) @Schema(required = true, maxLength = 32, pattern = ID, example = "AST-04") String id,
            @Valid @NotNull @Schema(required = true) PlaceRequest place) {
    }
}
