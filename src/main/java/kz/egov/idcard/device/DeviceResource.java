package kz.egov.idcard.device;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.constraints.Pattern;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.time.Times;
import kz.egov.idcard.common.web.ClientInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import static kz.egov.idcard.common.Texts.FREE_TEXT;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import kz.egov.idcard.common.security.Roles;

@Path("/devices")
@Tag(name = "Devices")
@RolesAllowed(Roles.CITIZEN)
@SecurityRequirement(name = "bearer")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DeviceResource {

    private final DeviceService devices;
    private final JsonWebToken jwt;

    public DeviceResource(DeviceService devices, JsonWebToken jwt) {
        this.devices = devices;
        this.jwt = jwt;
    }

    @POST
    @Operation(operationId = "enrolDevice", summary = "Enrol this phone's biometric key",
            description = "The phone's Face ID / Touch ID protected key: EC P-256, base64 of the SPKI (DER) encoding. "
                    + "It later signs confirmation challenges (ECDSA with SHA-256).")
    @APIResponse(responseCode = "201", description = "Enrolled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeviceView.class)))
    public Uni<RestResponse<DeviceView>> enrol(@Valid @NotNull EnrolDevice body, @Context HttpServerRequest request,
            @Context UriInfo uri) {
        return devices.enrol(jwt.getSubject(), body.publicKey(), body.platform(), body.name(), ClientInfo.of(request))
                .map(device -> RestResponse.ResponseBuilder.<DeviceView>created(
                                uri.getAbsolutePathBuilder().path(device.id.toString()).build())
                        .entity(DeviceView.of(device)).build());
    }

    @GET
    @Operation(operationId = "listDevices", summary = "The caller's enrolled devices",
            description = "The active ones, oldest first; removed devices are not shown.")
    @APIResponse(responseCode = "200", description = "At most idcard.devices.max-per-citizen (5 by default, 100 at most)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, maxItems = 100, implementation = DeviceView.class)))
    public Uni<List<DeviceView>> list() {
        return devices.list(jwt.getSubject()).map(all -> all.stream().map(DeviceView::of).toList());
    }

    @DELETE
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "removeDevice", summary = "Remove a device", description = "Its key can no longer confirm anything.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Uni<RestResponse<Void>> remove(
            @PathParam("id") @Parameter(schema = @Schema(implementation = UUID.class)) String id,
            @Context HttpServerRequest request) {
        return devices.remove(jwt.getSubject(), parseId(id), ClientInfo.of(request)).replaceWith(RestResponse.noContent());
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.DEVICE_NOT_FOUND);
        }
    }

    @RegisterForReflection
    @Schema(name = "EnrolDevice")
    public record EnrolDevice(
            @NotBlank @Size(max = 512)
            @Schema(description = "Base64 of the EC P-256 public key in SPKI (DER) form", required = true,
                    example = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEvfz/ArHglXIyFRLqAW2/m9c1jYMSU7Her5SFwVCXRg1SXXRZkI5QE4RSYpeq01xEvMBLWQEAz4QZZWdTVOeSMg==")
            String publicKey,
            @NotNull @Schema(required = true, example = "IOS") Device.Platform platform,
            @NotBlank @Size(max = 64) @Pattern(regexp = FREE_TEXT) @Schema(pattern = FREE_TEXT, required = true, example = "iPhone 15") String name) {
    }

    @RegisterForReflection
    @Schema(name = "Device")
    public record DeviceView(
            @Schema(example = "4b1e1f7c-2d3a-4e5f-8a9b-0c1d2e3f4a5b") UUID id,
            @Schema(example = "IOS") Device.Platform platform,
            @Schema(maxLength = 64, pattern = FREE_TEXT, example = "iPhone 15") String name,
            @Schema(maxLength = 64, pattern = "^[0-9a-f]{64}$", description = "SHA-256 of the SPKI, hex", example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
            String fingerprint,
            @Schema(example = "2026-11-28T10:00:00+05:00") OffsetDateTime enrolledAt) {

        static DeviceView of(Device device) {
            return new DeviceView(device.id, device.platform, device.name, device.fingerprint, Times.local(device.enrolledAt));
        }
    }
}
