package kz.egov.idcard.common.error;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, with our stable {@code code} and the request id for support. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details. Switch on `code`; `title` and `detail` follow Accept-Language (kk, ru, en; default ru).",
        additionalProperties = Schema.True.class)
public record Problem(
        @Schema(example = "https://idcard.egov.kz/problems/otp-invalid") String type,
        @Schema(example = "Неверный код") String title,
        @Schema(example = "400") int status,
        @Schema(example = "Код не подошёл. Осталось попыток: 2.") String detail,
        @Schema(example = "/api/v1/auth/otp/7d0c6f1e-8a3b-4c1e-9f4a-2b6d8e0a1c3f/verify") String instance,
        @Schema(example = "OTP_INVALID") String code,
        @Schema(example = "3f2b8c1e-4d5a-4e6f-8a9b-0c1d2e3f4a5b") String requestId,
        @Schema(description = "Present for validation problems: every wrong field") List<FieldError> errors,
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
