package kz.egov.idcard.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kz.egov.idcard.support.ProblemLog;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * No operation shows a problem it does not answer: every problem example in the contract (but the
 * 500 and {@code default} ones, which any operation may meet) was answered by that very operation
 * somewhere in this test run (ProblemLog notes them).
 * A plain JUnit class, so Quarkus' class orderer runs it after every @QuarkusTest of the run.
 */
class ProblemExamplesObservedTest {

    @Test
    void everyProblemExampleWasAnsweredByItsOperation() throws Exception {
        Set<String> observed = ProblemLog.observed();
        Assumptions.assumeTrue(observed.size() > 100,
                "the API tests did not run in this JVM before this test (run the whole suite: scripts/test.sh)");
        JsonNode paths = new YAMLMapper().readTree(Files.readString(Path.of("openapi.yaml"))).path("paths");
        List<String> shown = new ArrayList<>();
        List<String> neverAnswered = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            JsonNode operation = entry.getValue();
            operation.path("responses").fields().forEachRemaining(response -> {
                // 500 and default show what any operation may answer when something beyond it fails.
                if (response.getKey().equals("500") || response.getKey().equals("default")) {
                    return;
                }
                response.getValue().path("content").path("application/problem+json").path("examples").forEach(example -> {
                    JsonNode value = example.path("value");
                    String line = operation.path("operationId").asText() + "\t" + value.path("status").asInt() + "\t"
                            + value.path("code").asText();
                    shown.add(line);
                    if (!observed.contains(line)) {
                        neverAnswered.add(line.replace('\t', ' '));
                    }
                });
            });
        }));
        assertThat(shown).as("problem examples in the contract").hasSizeGreaterThan(100);
        assertThat(neverAnswered).as("problems shown in openapi.yaml that no test saw the operation answer "
                + "(drop the example, or test that the operation answers it)").isEmpty();
    }
}
