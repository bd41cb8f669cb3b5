package kz.egov.idcard.auth;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import kz.egov.idcard.citizen.Phones;
import kz.egov.idcard.citizen.ValidIin;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of Digital ID login. */
public final class AuthDtos {

    private AuthDtos() {
    }

    @RegisterForReflection
    @Schema(name = "OtpRequest", description = "Who is logging in: the IIN and the phone registered to it in the mobile citizens database.")
    public record OtpRequest(
            @NotNull @ValidIin @Schema(maxLength = 12, pattern = "^[0-9]{12}$", description = "12-digit IIN with a valid check digit", example = "900101300017",
                    required = true) String iin,
            @NotNull @Pattern(regexp = Phones.E164, message = "{INVALID_PHONE}")
            @Schema(maxLength = 16, pattern = Phones.E164, description = "E.164 phone number", example = "+77010000001", required = true) String phone) {
    }

    @RegisterForReflection
    @Schema(name = "OtpChallenge", description = "A code was sent by SMS; verify it before `expiresAt`.")
    public record OtpChallengeResponse(
            @Schema(example = "7d0c6f1e-8a3b-4c1e-9f4a-2b6d8e0a1c3f") UUID challengeId,
            @Schema(example = "2026-11-28T10:05:00+05:00") OffsetDateTime expiresAt,
            @Schema(description = "When another code may be requested for this phone", example = "2026-11-28T10:01:00+05:00")
            OffsetDateTime resendAvailableAt,
            @Schema(maxLength = 32, pattern = "^[+0-9 *]+$", example = "+7 701 *** ** 01") String maskedPhone) {
    }

    @RegisterForReflection
    @Schema(name = "OtpVerification", description = "The code from the SMS.")
    public record VerifyRequest(
            @NotNull @Pattern(regexp = "^[0-9]{6}$", message = "{INVALID_OTP_FORMAT}")
            @Schema(maxLength = 6, pattern = "^[0-9]{6}$", description = "Six digits", example = "123456", required = true) String code) {
    }

    @RegisterForReflection
    @Schema(name = "RefreshRequest")
    public record RefreshRequest(
            @NotBlank @Size(max = 128)
            @Schema(description = "The refresh token from the last login or refresh; it is spent by this call",
                    example = "pS1v2lq8m3Zk4yQ0oW9eR7tU6iB5nX1aC2dF3gH4jK0", required = true) String refreshToken) {
    }

    @RegisterForReflection
    @Schema(name = "Tokens", description = "An ES256 access token for `Authorization: Bearer` and a single-use refresh token.")
    public record TokenResponse(
            @Schema(maxLength = 4096, pattern = "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$", example = "eyJhbGciOiJFUzI1NiIsImtpZCI6IjFhMmIzYzRkIiwidHlwIjoiSldUIn0.eyJzdWIiOiI5MDAxMDEzMDAwMTcifQ.sig")
            String accessToken,
            @Schema(maxLength = 128, pattern = "^[A-Za-z0-9_-]+$", example = "pS1v2lq8m3Zk4yQ0oW9eR7tU6iB5nX1aC2dF3gH4jK0") String refreshToken,
            @Schema(enumeration = {"Bearer"}, example = "Bearer") String tokenType,
            @Schema(minimum = "1", maximum = "86400", format = "int64", description = "Seconds the access token lives", example = "900") long expiresIn,
            @Schema(minimum = "1", maximum = "31536000", format = "int64", description = "Seconds the refresh token lives unless used", example = "2592000") long refreshExpiresIn) {
    }
}
