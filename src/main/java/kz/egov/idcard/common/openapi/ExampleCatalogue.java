package kz.egov.idcard.common.openapi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contract's examples per operation, from {@code src/main/resources/openapi/examples/*.yaml}
 * (the format is described in the README beside them). Read at build time only.
 */
final class ExampleCatalogue {

    /** The files, one per group of operations. */
    static final List<String> FILES = List.of("auth", "applications", "reference", "visits", "operators", "sandbox");

    /** Path parameters filled in a problem's {@code instance}, by name; any other is a UUID. */
    private static final Map<String, String> PATH_VALUES = Map.of(
            "iin", "900101300017",
            "year", "2027",
            "id", "0b3c1e6a-6b0e-4a39-9d55-1f0c2c7e9a10");
    private static final String ANY_ID = "a9c2f0f4-1c1e-4c55-b0a3-1b7d9a2e6f10";
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    private final Map<String, Map<String, Object>> operations = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    ExampleCatalogue() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        for (String file : FILES) {
            String name = "openapi/examples/" + file + ".yaml";
            try (InputStream in = ProblemExamples.resource(name)) {
                Map<String, Map<String, Object>> read = yaml.readValue(in, Map.class);
                read.forEach((operationId, spec) -> {
                    if (operations.put(operationId, spec) != null) {
                        throw new IllegalStateException("Examples of " + operationId + " are given twice (" + name + ")");
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + name, e);
            }
        }
    }

    /** What the catalogue says about an operation, under {@code part} (request, responses, problems); empty if nothing. */
    @SuppressWarnings("unchecked")
    Map<String, Object> part(String operationId, String part) {
        Map<String, Object> spec = operations.get(operationId);
        Object value = spec == null ? null : spec.get(part);
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    java.util.Set<String> operationIds() {
        return operations.keySet();
    }

    /** The path as a request would have it: {@code /applications/{id}} with an example id. */
    static String instance(String pathTemplate) {
        // Places are named by their codes, not by UUIDs.
        String named = pathTemplate.replace("/registration-points/{id}", "/registration-points/AST-01")
                .replace("/tson/{id}", "/tson/TSON-AST-01");
        Matcher matcher = PARAMETER.matcher(named);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(path, PATH_VALUES.getOrDefault(matcher.group(1), ANY_ID));
        }
        matcher.appendTail(path);
        return path.toString();
    }
}
