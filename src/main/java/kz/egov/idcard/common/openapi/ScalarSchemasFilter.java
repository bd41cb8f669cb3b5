package kz.egov.idcard.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import kz.egov.idcard.common.i18n.Messages;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The scalar types every schema shares (ids, dates, instants) state how long they can be, once.
 * A property documented with its own description or example refers to them through
 * {@code allOf}; the {@code type} the scanner adds beside that reference says nothing the
 * reference does not, and would read as an unbounded string, so it goes. Accept-Language, which
 * many operations read, is described once too, with the limits {@link Messages#resolve} applies.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ScalarSchemasFilter implements OASFilter {

    /** Lengths of what Jackson writes and reads for these types (ISO-8601, nanoseconds and offset included). */
    private static final Map<String, Integer> SCALAR_MAX_LENGTHS = Map.of(
            "UUID", 36,
            "LocalDate", 10,
            "OffsetDateTime", 35);

    private static void dropTypeBesideReference(Schema schema) {
        if (schema == null) {
            return;
        }
        // Kept as a reference with siblings until written, where OpenAPI 3.0 makes it `allOf: [$ref]` beside them.
        List<Schema> allOf = schema.getAllOf();
        boolean referenceWithSiblings = schema.getRef() != null
                || allOf != null && allOf.size() == 1 && allOf.get(0).getRef() != null;
        if (referenceWithSiblings && schema.getType() != null) {
            schema.setType(null);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(ScalarSchemasFilter::dropTypeBesideReference);
        }
        dropTypeBesideReference(schema.getItems());
    }

    @Override
    public Parameter filterParameter(Parameter parameter) {
        if (parameter.getIn() == Parameter.In.HEADER && "Accept-Language".equalsIgnoreCase(parameter.getName())) {
            parameter.description("kk, ru or en (default ru) for `title`, `detail` and messages; a longer or malformed value is ignored");
            parameter.schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                    .maxLength(Messages.ACCEPT_LANGUAGE_MAX_LENGTH).pattern(Messages.ACCEPT_LANGUAGE_PATTERN));
            parameter.example("kk, ru;q=0.8");
        }
        return parameter;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        openAPI.getComponents().getSchemas().values().forEach(ScalarSchemasFilter::dropTypeBesideReference);
        SCALAR_MAX_LENGTHS.forEach((name, maxLength) -> {
            Schema scalar = openAPI.getComponents().getSchemas().get(name);
            if (scalar != null && scalar.getMaxLength() == null) {
                scalar.setMaxLength(maxLength);
            }
        });
    }
}
