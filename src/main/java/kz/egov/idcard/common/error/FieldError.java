package kz.egov.idcard.common.error;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import static kz.egov.idcard.common.Texts.FREE_TEXT;

@RegisterForReflection
@Schema(description = "One wrong field of a request.")
public record FieldError(
        @Schema(maxLength = 128, pattern = "\\S", description = "JSON name of the field, dotted for nested ones", example = "phone") String field,
        @Schema(maxLength = 64, pattern = "^[A-Z0-9_]+$", description = "Stable machine code of what is wrong", example = "INVALID_FORMAT") String code,
        @Schema(maxLength = 1000, pattern = FREE_TEXT, description = "Localised explanation", example = "Номер телефона должен быть в формате E.164, например +77011234567") String message) {
}
