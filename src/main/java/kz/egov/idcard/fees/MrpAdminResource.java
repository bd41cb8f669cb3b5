package kz.egov.idcard.fees;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import kz.egov.idcard.common.security.Roles;
import kz.egov.idcard.common.web.ClientInfo;
import kz.egov.idcard.common.web.Years;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import static kz.egov.idcard.common.Texts.FREE_TEXT;

/** The MRP of each year, published while the service runs (docs/product.md R3). */
@Path("/admin/mrp")
@Tag(name = "Administration")
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "adminBearer")
@Produces(MediaType.APPLICATION_JSON)
public class MrpAdminResource {

    private final MrpPublisher publisher;
    private final JsonWebToken jwt;

    public MrpAdminResource(MrpPublisher publisher, JsonWebToken jwt) {
        this.publisher = publisher;
        this.jwt = jwt;
    }

    @GET
    @Operation(operationId = "listMrp", summary = "Every published MRP", description = "Oldest year first.")
    @APIResponse(responseCode = "200", description = "Oldest year first", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, maxItems = 100, implementation = MrpPublisher.MrpView.class)))
    public Uni<List<MrpPublisher.MrpView>> list() {
        return publisher.all();
    }

    @PUT
    @Path("/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "publishMrp", summary = "Publish the MRP of a year", description = "As the budget law sets it. "
            + "STANDARD quotes and invoices of that year work from then on (409 FEE_NOT_PUBLISHED before); invoices already "
            + "made keep their amount. Publishing again corrects it; every change is audited with what it was before. It takes "
            + "effect at once here and within idcard.calendar.refresh on the other instances.")
    public Uni<MrpPublisher.MrpView> publish(
            @PathParam("year") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "2000", maximum = "2100"),
                    example = "2027") String year,
            @Valid @NotNull MrpRequest body, @Context HttpServerRequest request) {
        return publisher.publish(Years.parse("year", year), body.amount(), body.basis().strip(), jwt.getSubject(), ClientInfo.of(request));
    }


    @RegisterForReflection
    @Schema(name = "MrpRequest", additionalProperties = Schema.False.class)
    public record MrpRequest(
            @NotNull @DecimalMin("0.01") @DecimalMax("9999999999.99") @Digits(integer = 10, fraction = 2)
            @Schema(required = true, minimum = "0.01", maximum = "9999999999.99", multipleOf = 0.01, description = "KZT, at most two decimals",
                    example = "4614.00") BigDecimal amount,
            @NotBlank @Size(max = 500) @Pattern(regexp = FREE_TEXT)
            @Schema(required = true, maxLength = 500, pattern = FREE_TEXT, description = "The law that sets it",
                    example = "Law of the Republic of Kazakhstan \"On the republican budget for 2027-2029\"") String basis) {
    }
}
