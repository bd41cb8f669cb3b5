package kz.egov.idcard.biometrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Nothing a citizen is answered carries the face matcher's score or anything like it, from which
 * pictures could be tuned against the matcher: checked on every response schema of every operation
 * a citizen's token opens, through every reference, in the committed contract.
 */
class NoScoreForCitizensTest {

    private static final Pattern SCORE_LIKE = Pattern.compile("(?i).*(score|confidence|similarity|threshold|distance|liveness).*");

    @Test
    void noCitizenFacingAnswerHasAScoreLikeField() throws Exception {
        JsonNode document = new YAMLMapper().readTree(Files.readString(Path.of("openapi.yaml")));
        JsonNode schemas = document.path("components").path("schemas");
        List<String> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int operations = 0;
        for (var path = document.path("paths").fields(); path.hasNext(); ) {
            var entry = path.next();
            if (entry.getKey().startsWith("/api/v1/sandbox") || entry.getKey().startsWith("/api/v1/operator")
                    || entry.getKey().startsWith("/api/v1/admin")) {
                continue;
            }
            for (JsonNode operation : entry.getValue()) {
                operations++;
                operation.path("responses").forEach(response -> response.path("content")
                        .forEach(media -> walk(media.path("schema"), schemas, entry.getKey(), seen, found)));
            }
        }
        assertThat(operations).isGreaterThan(20);
        assertThat(seen).contains("BiometricResult", "Application");
        assertThat(found).isEmpty();
    }

    private static void walk(JsonNode schema, JsonNode schemas, String where, Set<String> seen, List<String> found) {
        if (schema == null || schema.isMissingNode()) {
            return;
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            if (seen.add(name)) {
                walk(schemas.path(name), schemas, name, seen, found);
            }
            return;
        }
        schema.path("properties").fields().forEachRemaining(property -> {
            if (SCORE_LIKE.matcher(property.getKey()).matches()) {
                found.add(where + "." + property.getKey());
            }
            walk(property.getValue(), schemas, where + "." + property.getKey(), seen, found);
        });
        walk(schema.path("items"), schemas, where + "[]", seen, found);
        for (String combiner : new String[] {"allOf", "oneOf", "anyOf"}) {
            schema.path(combiner).forEach(part -> walk(part, schemas, where, seen, found));
        }
    }
}
