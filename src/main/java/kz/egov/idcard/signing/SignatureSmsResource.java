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
import kz.egov.idcard.application.ApplicationIds;
import kz.egov.idcard.application.ApplicationViews.ApplicationView;
import kz.egov.idcard.application.Step;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import kz.egov.idcard.common.security.Roles;

@Path("/applications/{id}/signature/sms")
@Tag(name = "Applications")
@RolesAllowed(Roles.CITIZEN)
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class SignatureSmsResource extends SigningResource {

    private final SmsSigner sms;

    public SignatureSmsResource(DeviceSigner device, SmsSigner sms, Messages messages, JsonWebToken jwt) {
        super(device, messages, jwt);
        this.sms = sms;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signApplicationWithSmsCode", summary = "Sign with the SMS code (web)", description = "The code sent by `{method: SMS}` signs the challenge "
            + "it was bound to: OTP_INVALID with `attemptsLeft`; the third wrong code kills the challenge (OTP_LOCKED).")
    public Uni<ApplicationView> sign(
            @PathParam("id") @Parameter(schema = @Schema(implementation = UUID.class)) String id,
            @Valid @NotNull SmsCode body,
            
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, @Context HttpServerRequest request) {
        return sms.sign(jwt.getSubject(), ApplicationIds.parse(id), body.code(), messages.resolve(acceptLanguage),
                ClientInfo.of(request));
    }

    @io.quarkus.runtime.annotations.RegisterForReflection
    @Schema(name = "SigningSmsCode")
    public record SmsCode(
            @NotNull @Pattern(regexp = "^[0-9]{6}$", message = "{INVALID_OTP_FORMAT}")
            @Schema(maxLength = 6, required = true, example = "123456") String code) {
    }
}
