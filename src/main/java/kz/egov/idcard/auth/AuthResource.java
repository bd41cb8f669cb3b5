package kz.egov.idcard.auth;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import kz.egov.idcard.auth.AuthDtos.OtpChallengeResponse;
import kz.egov.idcard.auth.AuthDtos.OtpRequest;
import kz.egov.idcard.auth.AuthDtos.RefreshRequest;
import kz.egov.idcard.auth.AuthDtos.TokenResponse;
import kz.egov.idcard.auth.AuthDtos.VerifyRequest;
import kz.egov.idcard.citizen.Phones;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.i18n.Messages;
import kz.egov.idcard.common.time.Times;
import kz.egov.idcard.common.web.ClientInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import kz.egov.idcard.common.security.Roles;

@Path("/auth")
@Tag(name = "Digital ID login")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final LoginService login;
    private final SessionService sessions;
    private final Messages messages;
    private final JsonWebToken jwt;

    public AuthResource(LoginService login, SessionService sessions, Messages messages, JsonWebToken jwt) {
        this.login = login;
        this.sessions = sessions;
        this.messages = messages;
        this.jwt = jwt;
    }

    @POST
    @Path("/otp")
    @PermitAll
    @SecurityRequirementsSet
    @Operation(operationId = "requestLoginCode", summary = "Send a login code",
            description = "Checks the IIN's check digit and that the phone is registered to the IIN in the mobile citizens "
                    + "database, then sends a 6-digit code by SMS. A pair that does not match sends nothing (422). "
                    + "Another code for the same phone only after the cooldown (429 with Retry-After); hourly limits per phone and per IIN. "
                    + "A retry with the same Idempotency-Key returns the first answer (the same challenge) and sends no second SMS.")
    @APIResponse(responseCode = "201", description = "Code sent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OtpChallengeResponse.class)))
    @APIResponse(responseCode = "429", description = "Cooldown or hourly limit: OTP_RESEND_COOLDOWN, OTP_RATE_LIMITED",
            headers = @Header(name = "Retry-After", description = "Seconds to wait",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "86400")),
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Uni<RestResponse<OtpChallengeResponse>> requestCode(@Valid @NotNull OtpRequest body,
            @Parameter(description = "Any unique string up to 128 characters [A-Za-z0-9._:-]; a retry with it returns the first "
                    + "answer (the same challenge, no second SMS)", example = "2b7e9c4a-5d1f-4e8a-b3c6-9f0d1e2a3b4c",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(
                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, maxLength = 128,
                            pattern = "^[A-Za-z0-9._:-]{1,128}$"))
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language, @Context HttpServerRequest request) {
        return login.requestCode(body.iin(), body.phone(), messages.resolve(language), ClientInfo.of(request), idempotencyKey)
                .map(answer -> {
                    OtpChallenge challenge = answer.body();
                    return RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, new OtpChallengeResponse(
                                    challenge.id, Times.local(challenge.expiresAt), Times.local(challenge.resendAvailableAt),
                                    Phones.mask(challenge.phone)))
                            .header("Idempotent-Replayed", String.valueOf(answer.replayed())).build();
                });
    }

    @POST
    @Path("/otp/{challengeId}/verify")
    @PermitAll
    @SecurityRequirementsSet
    @Operation(operationId = "verifyLoginCode", summary = "Verify the login code",
            description = "A wrong code answers OTP_INVALID with `attemptsLeft`; the third wrong code kills the challenge (OTP_LOCKED). "
                    + "The right code returns an access token (15 min) and a refresh token.")
    @APIResponse(responseCode = "200", description = "Logged in",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class)))
    public Uni<TokenResponse> verify(
            @PathParam("challengeId") @Parameter(description = "From POST /auth/otp", schema = @Schema(implementation = UUID.class)) String challengeId,
            @Valid @NotNull VerifyRequest body,
            
            @Context HttpServerRequest request) {
        return login.verify(parseChallengeId(challengeId), body.code(), ClientInfo.of(request)).map(AuthResource::toResponse);
    }

    @POST
    @Path("/token/refresh")
    @PermitAll
    @SecurityRequirementsSet
    @Operation(operationId = "refreshTokens", summary = "Rotate the token pair",
            description = "Spends the refresh token and returns a new pair. A refresh token used twice revokes its whole login session.")
    @APIResponse(responseCode = "200", description = "New pair",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "Unknown, expired or reused refresh token: REFRESH_TOKEN_INVALID, REFRESH_TOKEN_EXPIRED, REFRESH_TOKEN_REUSED (a reuse revokes the whole session)")
    public Uni<TokenResponse> refresh(@Valid @NotNull RefreshRequest body, @Context HttpServerRequest request) {
        return sessions.refresh(body.refreshToken(), ClientInfo.of(request)).map(AuthResource::toResponse);
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.WILDCARD)
    @Authenticated
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "logout", summary = "Log out", description = "Revokes the refresh tokens of this login session.")
    @APIResponse(responseCode = "204", description = "Logged out")
    public Uni<RestResponse<Void>> logout(@Context HttpServerRequest request) {
        String session = jwt.getClaim(Roles.SESSION_CLAIM);
        if (session == null) {
            return Uni.createFrom().item(RestResponse.noContent());
        }
        return sessions.logout(jwt.getSubject(), UUID.fromString(session), ClientInfo.of(request))
                .replaceWith(RestResponse.noContent());
    }

    private static UUID parseChallengeId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.OTP_CHALLENGE_NOT_FOUND);
        }
    }

    private static TokenResponse toResponse(Tokens tokens) {
        return new TokenResponse(tokens.accessToken(), tokens.refreshToken(), "Bearer", tokens.expiresIn(),
                tokens.refreshExpiresIn());
    }
}
