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

@Path("/applications/{id}/signature")
@Tag(name = "Applications")
@RolesAllowed(Roles.CITIZEN)
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class SignatureResource extends SigningResource {

    private final EdsSigner eds;
    private final SmsSigner sms;

    public SignatureResource(DeviceSigner device, EdsSigner eds, SmsSigner sms, Messages messages, JsonWebToken jwt) {
        super(device, messages, jwt);
        this.eds = eds;
        this.sms = sms;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signApplication", summary = "Sign the application (web)", description = "The SIGNATURE step. `{method: EDS, cms}`: a CMS "
            + "SignedData over the challenge whose signer certificate chains to a trusted CA, is valid now (a CMS signingTime must fall in the "
            + "challenge's life), allows "
            + "signing, names the applicant (serialNumber IIN…) and is not revoked (the CA's OCSP responder is asked; 503 "
            + "EDS_REVOCATION_UNAVAILABLE when it cannot tell); 422 EDS_INVALID with `reason` otherwise. `{method: SMS}` sends a code bound "
            + "to the open challenge to the login phone (202); then POST …/signature/sms. `{method: DEVICE, deviceId, "
            + "signature}` is an ECDSA P-256 / SHA-256 signature of the challenge's UTF-8 bytes by a key the caller enrolled "
            + "(DER or raw r||s, base64). 409 SIGNED_CONTENT_CHANGED when the questionnaire changed since the challenge.")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "DEVICE: signed",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ApplicationView.class)))
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "202", description = "SMS: the code was sent",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SmsSigner.SmsSent.class)))
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "429",
            description = "SMS: another code only after the cooldown: OTP_RESEND_COOLDOWN",
            headers = @org.eclipse.microprofile.openapi.annotations.headers.Header(name = "Retry-After", description = "Seconds to wait",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, format = "int32",
                            minimum = "1", maximum = "86400")))
    public Uni<org.jboss.resteasy.reactive.RestResponse<Object>> sign(
            @PathParam("id") @Parameter(schema = @Schema(implementation = UUID.class)) String id,
            
            @Valid @NotNull SignatureRequest body, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Context HttpServerRequest request) {
        if ("SMS".equals(body.method())) {
            return sms.sendCode(jwt.getSubject(), ApplicationIds.parse(id), jwt.getClaim(Roles.PHONE_CLAIM),
                            messages.resolve(acceptLanguage), ClientInfo.of(request))
                    .map(sent -> org.jboss.resteasy.reactive.RestResponse.status(org.jboss.resteasy.reactive.RestResponse.Status.ACCEPTED, sent));
        }
        if ("EDS".equals(body.method())) {
            if (body.cms() == null || body.cms().isBlank()) {
                throw ValidationProblem.of("cms", "REQUIRED");
            }
            byte[] cms;
            try {
                cms = java.util.Base64.getMimeDecoder().decode(body.cms().strip());
            } catch (IllegalArgumentException e) {
                throw ValidationProblem.of("cms", "INVALID_BASE64");
            }
            return eds.sign(jwt.getSubject(), ApplicationIds.parse(id), cms, messages.resolve(acceptLanguage), ClientInfo.of(request))
                    .map(view -> org.jboss.resteasy.reactive.RestResponse.ok(view));
        }
        return signWithDevice(id, Step.SIGNATURE, body, acceptLanguage, request)
                .map(view -> org.jboss.resteasy.reactive.RestResponse.ok(view));
    }
}
