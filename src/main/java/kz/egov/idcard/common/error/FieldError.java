package kz.egov.idcard.common.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import static kz.egov.idcard.common.Texts.FREE_TEXT;

@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "One wrong field of a request.")
public record FieldError(
        @Schema(maxLength = 128, pattern = "\\S", description = "JSON name of the field, dotted for nested ones", example = "platform") String field,
        @Schema(maxLength = 64, pattern = "^[A-Z0-9_]+$", description = "Stable machine code of what is wrong", example = "NOT_ONE_OF") String code,
        @Schema(maxLength = 1000, pattern = FREE_TEXT, description = "Localised explanation", example = "Must be one of: IOS, ANDROID.") String message,
        @Schema(maxLength = RECEIVED_MAX, pattern = FREE_TEXT, description = "NOT_ONE_OF, INVALID_PHONE: the value as it arrived "
                + "(a `+` in a query string arrives as a space unless sent as %2B)", example = "android") String received,
        @Schema(type = SchemaType.ARRAY, implementation = AllowedValue.class, maxItems = 50, description = "NOT_ONE_OF: the values "
                + "allowed here", example = "[\"IOS\", \"ANDROID\"]") List<String> allowed) {

    /** The schema of one allowed value: an enum constant's name. */
    @Schema(name = "AllowedValue", type = SchemaType.STRING, maxLength = 64, pattern = "^[A-Z0-9_]+$", example = "IOS")
    public interface AllowedValue {
    }

    /** Echoed values are cut to this length, and control characters become spaces. */
    public static final int RECEIVED_MAX = 64;

    public FieldError(String field, String code, String message) {
        this(field, code, message, null, null);
    }

    /** The value as it arrived, safe to echo: at most {@link #RECEIVED_MAX} characters, no control characters. */
    public static String echo(Object value) {
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value).replaceAll("\\p{Cntrl}", " ");
        return text.length() > RECEIVED_MAX ? text.substring(0, RECEIVED_MAX - 1) + "…" : text;
    }

    public FieldError localised(String message) {
        return new FieldError(field, code, message, received, allowed);
    }
}
