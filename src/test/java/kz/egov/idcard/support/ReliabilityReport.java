package kz.egov.idcard.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The figures of a reliability test's run: printed as one {@code RELIABILITY <name>: k=v ...} line
 * and written to {@code target/reliability/<name>.json}, for RELIABILITY.md to cite.
 */
public final class ReliabilityReport {

    private final String name;
    private final Map<String, Object> figures = new LinkedHashMap<>();

    public ReliabilityReport(String name) {
        this.name = name;
        figures.put("test", name);
        figures.put("ranAt", OffsetDateTime.now().toString());
    }

    public ReliabilityReport put(String key, Object value) {
        figures.put(key, value);
        return this;
    }

    public void write() throws IOException {
        String line = figures.entrySet().stream().filter(e -> !e.getKey().equals("test"))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        System.out.println("RELIABILITY " + name + ": " + line);
        Path file = Path.of("target", "reliability", name + ".json");
        Files.createDirectories(file.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), figures);
    }
}
