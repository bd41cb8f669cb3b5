package kz.egov.idcard.sandbox;

import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import kz.egov.idcard.citizen.ValidIin;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.security.Roles;
import kz.egov.idcard.common.web.ClientInfo;
import kz.egov.idcard.device.Device;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import static kz.egov.idcard.common.Texts.FREE_TEXT;

/**
 * The sandbox signs for the integrator, so that both channels end from Swagger UI alone: a test
 * phone whose key the sandbox keeps (the mobile CONFIRMATION, the web DEVICE signature), and an
 * EDS signature by a test certificate (the web EDS signature).
 */
@Path("/sandbox")
@Tag(name = "Sandbox")
@EndpointDisabled(name = "idcard.sandbox.enabled", stringValue = "false", disableIfMissing = true)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SandboxSigningResource {

    /** Printable ASCII and line breaks: what a challenge is made of. */
    static final String CHALLENGE_TEXT = "^[ -~\\n]+$";

    private final SandboxSigning signing;
    private final JsonWebToken jwt;

    public SandboxSigningResource(SandboxSigning signing, JsonWebToken jwt) {
        this.signing = signing;
        this.jwt = jwt;
    }

    @POST
    @Path("/devices")
    @RolesAllowed(Roles.CITIZEN)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "createSandboxDevice", summary = "Enrol a test phone that the sandbox signs for",
            description = "Enrols a phone for the logged-in citizen exactly as `POST /devices` does, with a key pair the sandbox "
                    + "makes and keeps. Then `POST /sandbox/devices/{deviceId}/signature` signs a challenge as that phone's "
                    + "Face ID / Touch ID key would. The private key is answered too, to check your own signing code against.")
    @APIResponse(responseCode = "201", description = "Enrolled; `deviceId` is what the signature requests name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TestPhoneView.class)))
    public Uni<RestResponse<TestPhoneView>> enrol(@Valid @NotNull EnrolTestPhone body, @Context HttpServerRequest request) {
        return signing.enrol(jwt.getSubject(), body.platform(), body.name(), ClientInfo.of(request))
                .map(phone -> RestResponse.status(RestResponse.Status.CREATED,
                        new TestPhoneView(phone.device().id, phone.publicKey(), phone.privateKey())));
    }

    @POST
    @Path("/devices/{deviceId}/signature")
    @RolesAllowed(Roles.CITIZEN)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "signAsSandboxDevice", summary = "Sign a challenge as the test phone would",
            description = "Paste the `challenge` of `GET /applications/{id}/signing-challenge` as it is. The answer is what the "
                    + "phone sends: base64 of the DER ECDSA P-256 / SHA-256 signature of the challenge's UTF-8 bytes. Only for a "
                    + "test phone this citizen enrolled through `POST /sandbox/devices`.")
    @APIResponse(responseCode = "200", description = "Send `signature` with `deviceId` in the confirmation or signature request",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeviceSignature.class)))
    public Uni<DeviceSignature> signAsPhone(
            @PathParam("deviceId") @Parameter(description = "The test phone's `deviceId`", schema = @Schema(implementation = UUID.class))
            String deviceId,
            @Valid @NotNull ChallengeToSign body) {
        UUID id;
        try {
            id = UUID.fromString(deviceId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.DEVICE_NOT_FOUND));
        }
        return signing.signAsPhone(jwt.getSubject(), id, body.challenge()).map(DeviceSignature::new);
    }

    @POST
    @Path("/eds/signature")
    @PermitAll
    @SecurityRequirementsSet
    @Operation(operationId = "signAsSandboxEds", summary = "Sign a challenge with the citizen's test EDS",
            description = "Paste the `challenge` of `GET /applications/{id}/signing-challenge` as it is, with the citizen's IIN. "
                    + "The answer is what NCALayer sends: base64 of a CMS SignedData over the challenge's UTF-8 bytes (content "
                    + "attached, signingTime now), by a certificate for the IIN that the sandbox's test CA issues on the spot.")
    @APIResponse(responseCode = "200", description = "Send `cms` with method EDS in the signature request",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EdsSignature.class)))
    public Uni<EdsSignature> signAsEds(@Valid @NotNull EdsToSign body) {
        return signing.signAsEds(body.iin(), body.challenge()).map(EdsSignature::new);
    }

    @RegisterForReflection
    @Schema(name = "SandboxTestPhoneRequest")
    public record EnrolTestPhone(
            @NotNull @Schema(required = true, example = "IOS") Device.Platform platform,
            @NotBlank @Size(max = 64) @Pattern(regexp = FREE_TEXT)
            @Schema(pattern = FREE_TEXT, maxLength = 64, required = true, example = "Sandbox iPhone") String name) {
    }

    @RegisterForReflection
    @Schema(name = "SandboxTestPhone")
    public record TestPhoneView(
            @Schema(example = "4b1e1f7c-2d3a-4e5f-8a9b-0c1d2e3f4a5b") UUID deviceId,
            @Schema(maxLength = 512, format = "byte", description = "Base64 SPKI (DER) of the EC P-256 public key, as enrolled",
                    example = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEvfz/ArHglXIyFRLqAW2/m9c1jYMSU7Her5SFwVCXRg1SXXRZkI5QE4RSYpeq01xEvMBLWQEAz4QZZWdTVOeSMg==")
            String publicKey,
            @Schema(maxLength = 1024, format = "byte", description = "Base64 PKCS#8 of the private key: a test key, for checking your own signing code",
                    example = "MEECAQAwEwYHKoZIzj0CAQYIKoZIzj0DAQcEJzAlAgEBBCDnC0HUp5Jm0EJ3gHcfq1l6xK3u2W2hY1n9q4yV8m0Z7A==")
            String privateKey) {
    }

    @RegisterForReflection
    @Schema(name = "SandboxChallengeToSign")
    public record ChallengeToSign(
            @NotNull @Size(min = 1, max = 1024) @Pattern(regexp = CHALLENGE_TEXT)
            @Schema(required = true, maxLength = 1024, pattern = CHALLENGE_TEXT, description = "The challenge exactly as `GET /signing-challenge` answered it",
                    example = "eGov ID card replacement\napplication: 0b3c1e6a-6b0e-4a39-9d55-1f0c2c7e9a10\ndigest: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\nnonce: q3Jm0Wk8cQ0v5d2xYfTz1A\nexpires: 2026-11-28T10:05:00+05:00")
            String challenge) {
    }

    @RegisterForReflection
    @Schema(name = "SandboxEdsToSign")
    public record EdsToSign(
            @NotNull @ValidIin @Schema(required = true, maxLength = 12, pattern = "^[0-9]{12}$", example = "900101300017") String iin,
            @NotNull @Size(min = 1, max = 1024) @Pattern(regexp = CHALLENGE_TEXT)
            @Schema(required = true, maxLength = 1024, pattern = CHALLENGE_TEXT, description = "The challenge exactly as `GET /signing-challenge` answered it",
                    example = "eGov ID card replacement\napplication: 0b3c1e6a-6b0e-4a39-9d55-1f0c2c7e9a10\ndigest: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\nnonce: q3Jm0Wk8cQ0v5d2xYfTz1A\nexpires: 2026-11-28T10:05:00+05:00")
            String challenge) {
    }

    @RegisterForReflection
    @Schema(name = "SandboxDeviceSignature")
    public record DeviceSignature(
            @Schema(maxLength = 256, format = "byte", description = "Base64 DER ECDSA signature",
                    example = "MEUCIQDx3k2l0f4k6m0h3bW0dC8uYw5y0jv7zH5cQ0m1r2s3dAIgT5c8w0k1l2m3n4o5p6q7r8s9t0u1v2w3x4y5z6a7b8c=")
            String signature) {
    }

    @RegisterForReflection
    @Schema(name = "SandboxEdsSignature")
    public record EdsSignature(
            @Schema(maxLength = 65536, format = "byte", description = "Base64 CMS SignedData (PKCS#7), content attached",
                    example = "MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwGggCSABHg=")
            String cms) {
    }
}
