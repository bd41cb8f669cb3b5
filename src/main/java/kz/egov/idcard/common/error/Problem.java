package kz.egov.idcard.common.error;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import static kz.egov.idcard.common.Texts.FREE_TEXT;

/** RFC 9457 problem details, with our stable {@code code} and the request id for support. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details. Switch on `code`; `title` and `detail` follow Accept-Language "
        + "(kk, ru, en; default ru). Some codes add the extension members below (ApiException.with); there are no others.",
        additionalProperties = Schema.False.class,
        properties = {
                @SchemaProperty(name = "attemptsLeft", type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "10",
                        description = "OTP_INVALID, SIGNATURE_INVALID ...: tries left", example = "2"),
                @SchemaProperty(name = "retryAfterSeconds", type = SchemaType.INTEGER, format = "int64", minimum = "0",
                        maximum = "86400", description = "With every Retry-After: the same seconds", example = "60"),
                @SchemaProperty(name = "expectedStep", type = SchemaType.STRING, nullable = true, maxLength = 32,
                        pattern = "^[A-Z_]+$", description = "STEP_OUT_OF_ORDER: the step due now", example = "BIOMETRICS"),
                @SchemaProperty(name = "applicationStatus", type = SchemaType.STRING, maxLength = 32, pattern = "^[A-Z_]+$",
                        description = "The application's status when it refuses the action", example = "SUBMITTED"),
                @SchemaProperty(name = "existingApplicationId", type = SchemaType.STRING, format = "uuid", maxLength = 36,
                        description = "APPLICATION_ALREADY_ACTIVE: the active one", example = "0b3c1e6a-6b0e-4a39-9d55-1f0c2c7e9a10"),
                @SchemaProperty(name = "existingBookingId", type = SchemaType.STRING, format = "uuid", maxLength = 36,
                        description = "BOOKING_ALREADY_ACTIVE: the visit booked", example = "5b1f7c2e-8d4a-4f0e-9a61-3c2d7e8f9a01"),
                @SchemaProperty(name = "bookingStatus", type = SchemaType.STRING, maxLength = 32, pattern = "^[A-Z_]+$",
                        description = "BOOKING_NOT_ACTIVE: the booking's status", example = "CANCELLED"),
                @SchemaProperty(name = "existingReminderId", type = SchemaType.STRING, format = "uuid", maxLength = 36,
                        description = "REMINDER_ALREADY_SET: the reminder set", example = "c4a7e2d1-5b3f-4e8a-9c6d-7f1e2a3b4c5d"),
                @SchemaProperty(name = "expiresOn", type = SchemaType.STRING, format = "date", maxLength = 10,
                        description = "ELIGIBILITY_*: expiry of the current card", example = "2026-12-08"),
                @SchemaProperty(name = "windowOpensOn", type = SchemaType.STRING, format = "date", maxLength = 10,
                        example = "2026-11-08"),
                @SchemaProperty(name = "windowClosesOn", type = SchemaType.STRING, format = "date", maxLength = 10,
                        example = "2026-12-18"),
                // Its items are the points package's Tier (points/TierProblemSchema), which common does not know.
                @SchemaProperty(name = "offeredTiers", type = SchemaType.ARRAY, maxItems = 3,
                        description = "TIER_NOT_OFFERED: what the point offers"),
                @SchemaProperty(name = "year", type = SchemaType.INTEGER, format = "int32", minimum = "2000", maximum = "2100",
                        description = "FEE_NOT_PUBLISHED: the year whose MRP is not published", example = "2027"),
                @SchemaProperty(name = "reason", type = SchemaType.STRING, maxLength = 32, pattern = "^[A-Z_]+$",
                        description = "EDS_INVALID: why", example = "NOT_TRUSTED"),
                @SchemaProperty(name = "outcome", type = SchemaType.STRING, maxLength = 32, pattern = "^[A-Z_]+$",
                        description = "Payment notices: what was recorded", example = "AMOUNT_MISMATCH")
        })
public record Problem(
        @Schema(maxLength = 200, format = "uri", example = "https://idcard.egov.kz/problems/otp-invalid") String type,
        @Schema(maxLength = 200, pattern = FREE_TEXT, example = "Неверный код") String title,
        @Schema(minimum = "400", maximum = "599", format = "int32", example = "400") int status,
        @Schema(maxLength = 1000, pattern = FREE_TEXT, example = "Код не подошёл. Осталось попыток: 2.") String detail,
        @Schema(maxLength = 4096, format = "uri-reference", example = "/api/v1/auth/otp/7d0c6f1e-8a3b-4c1e-9f4a-2b6d8e0a1c3f/verify") String instance,
        @Schema(maxLength = 64, pattern = "^[A-Z0-9_]+$", example = "OTP_INVALID") String code,
        @Schema(maxLength = 64, pattern = "^[A-Za-z0-9._:-]+$", example = "3f2b8c1e-4d5a-4e6f-8a9b-0c1d2e3f4a5b") String requestId,
        @Schema(maxItems = 50, description = "Present for validation problems: every wrong field") List<FieldError> errors,
        @Schema(hidden = true) Map<String, Object> extensions) {

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions;
    }

    @Override
    @com.fasterxml.jackson.annotation.JsonIgnore
    public Map<String, Object> extensions() {
        return extensions;
    }
}
