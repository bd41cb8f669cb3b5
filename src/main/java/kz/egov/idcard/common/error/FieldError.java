package kz.egov.idcard.common.error;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@RegisterForReflection
@Schema(description = "One wrong field of a request.")
public record FieldError(
        @Schema(description = "JSON name of the field, dotted for nested ones", example = "phone") String field,
        @Schema(description = "Stable machine code of what is wrong", example = "INVALID_FORMAT") String code,
        @Schema(description = "Localised explanation", example = "Номер телефона должен быть в формате E.164, например +77011234567") String message) {
}
