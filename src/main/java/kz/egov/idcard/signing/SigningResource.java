package kz.egov.idcard.signing;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import java.util.Base64;
import java.util.UUID;
import kz.egov.idcard.application.ApplicationViews.ApplicationView;
import kz.egov.idcard.application.Step;
import kz.egov.idcard.auth.TokenIssuer;
import kz.egov.idcard.application.ApplicationIds;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.error.ValidationProblem;
import kz.egov.idcard.common.i18n.Messages;
import kz.egov.idcard.common.web.ClientInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the signing endpoints share: the body and its parsing. */
public abstract class SigningResource {

    protected final DeviceSigner device;
    protected final Messages messages;
    protected final JsonWebToken jwt;

    protected SigningResource(DeviceSigner device, Messages messages, JsonWebToken jwt) {
        this.device = device;
        this.messages = messages;
        this.jwt = jwt;
    }

    protected Uni<ApplicationView> signWithDevice(String id, Step step, SignatureRequest body, String acceptLanguage,
            HttpServerRequest request) {
        java.util.List<kz.egov.idcard.common.error.FieldError> missing = new java.util.ArrayList<>();
        if (!"DEVICE".equals(body.method())) {
            missing.add(new kz.egov.idcard.common.error.FieldError("method", "UNSUPPORTED_SIGNATURE_METHOD", null));
        }
        if (body.deviceId() == null || body.deviceId().isBlank()) {
            missing.add(new kz.egov.idcard.common.error.FieldError("deviceId", "REQUIRED", null));
        }
        if (body.signature() == null || body.signature().isBlank()) {
            missing.add(new kz.egov.idcard.common.error.FieldError("signature", "REQUIRED", null));
        }
        if (!missing.isEmpty()) {
            throw new ValidationProblem(missing);
        }
        return device.sign(jwt.getSubject(), ApplicationIds.parse(id), step, deviceId(body.deviceId()), signature(body.signature()),
                messages.resolve(acceptLanguage), ClientInfo.of(request));
    }


    private static UUID deviceId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.DEVICE_NOT_FOUND);
        }
    }

    private static byte[] signature(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw ValidationProblem.of("signature", "INVALID_BASE64");
        }
    }

    @RegisterForReflection
    @Schema(name = "DeviceSignature")
    public record SignatureRequest(
            @NotNull @Pattern(regexp = "DEVICE|SMS|EDS", message = "{UNSUPPORTED_SIGNATURE_METHOD}")
            @Schema(required = true, description = "DEVICE: the phone's enrolled key (Face ID / Touch ID, or Digital ID on the "
                    + "web). SMS (web only): sends a code bound to the challenge; then POST …/signature/sms {code}. EDS (web only): `cms`",
                    enumeration = {"DEVICE", "SMS", "EDS"}, example = "DEVICE") String method,
            @Size(max = 64) @Schema(format = "uuid", description = "With DEVICE", example = "4b1e1f7c-2d3a-4e5f-8a9b-0c1d2e3f4a5b") String deviceId,
            @Size(max = 256) @Schema(format = "byte", description = "With DEVICE: base64 ECDSA signature of the challenge's UTF-8 bytes",
                    example = "MEUCIQDd3Q0f0bq3cEq7YjKQ9v1xwF0y6xQ2m1qzq8d5nYbJ2AIgY3p8m7dXl9v3wQ0k2cJr6o4t9pV1s8n5m2x7z0a4b6c=")
            String signature,
            @Size(max = 65536) @Schema(format = "byte", description = "With EDS: base64 CMS SignedData (PKCS#7) over the challenge's UTF-8 bytes, "
                    + "attached or detached, with the signer certificate", example = "MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwGggCSABA==")
            String cms) {
    }
}
