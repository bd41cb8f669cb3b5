package kz.egov.idcard.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The figures of a reliability test's run: printed as one line and kept under target/reliability for RELIABILITY.md. */
public final class Reliability {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Reliability() {
    }

    public static void write(String name, Map<String, ?> figures) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("test", name);
        report.put("finishedAt", Instant.now().toString());
        report.putAll(figures);
        try {
            String text = JSON.writeValueAsString(report);
            System.out.println("RELIABILITY " + name + ": " + JSON.copy().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            Path directory = Path.of("target", "reliability");
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(name + ".json"), text);
        } catch (Exception e) {
            throw new IllegalStateException("reliability figures not written", e);
        }
    }
}
