package kz.egov.idcard.points;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import kz.egov.idcard.common.error.ValidationProblem;
import kz.egov.idcard.common.i18n.Messages;
import kz.egov.idcard.points.PointViews.PointView;
import kz.egov.idcard.points.PointViews.RegionView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;

@Path("/")
@Tag(name = "Reference data")
@PermitAll
@SecurityRequirementsSet
@Produces(MediaType.APPLICATION_JSON)
public class PointsResource {

    private final PointsService points;
    private final Messages messages;
    private final ObjectMapper json;

    public PointsResource(PointsService points, Messages messages, ObjectMapper json) {
        this.points = points;
        this.messages = messages;
        this.json = json;
    }

    @GET
    @Path("/regions")
    @Operation(operationId = "listRegions", summary = "Kazakhstan's regions", description = "Codes for the `region` filter of the registration points.")
    @APIResponse(responseCode = "200", description = "Every region (reference data)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, maxItems = 100, implementation = RegionView.class)))
    public Uni<List<RegionView>> regions(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        String language = messages.resolve(acceptLanguage).getLanguage();
        return points.regions().map(all -> all.stream().map(r -> RegionView.of(r, language)).toList());
    }

    @GET
    @Path("/registration-points")
    @Operation(operationId = "listRegistrationPoints", summary = "Active registration points", description = "Where a new card can be picked up, with working "
            + "hours and the processing tiers each offers; all regions when `region` is absent.")
    @APIResponse(responseCode = "200", description = "The active points (reference data)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, maxItems = 1000, implementation = PointView.class)))
    public Uni<List<PointView>> registrationPoints(
            @Parameter(description = "Region code from GET /regions", example = "ASTANA",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 32, pattern = "^[A-Z_]+$")) @QueryParam("region") String region,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        String language = messages.resolve(acceptLanguage).getLanguage();
        Uni<Void> known = region == null ? Uni.createFrom().voidItem() : points.region(region).map(found -> {
            if (found == null) {
                throw ValidationProblem.of("region", "UNKNOWN_REGION");
            }
            return null;
        });
        return known.chain(() -> points.activePoints(region))
                .map(all -> all.stream().map(p -> PointView.of(p, language, json)).toList());
    }
}
