package kz.egov.idcard.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Notes which problem each operation of the contract answered during this test run (operation,
 * status, code), so that {@code ProblemExamplesObservedTest} can hold the contract's problem
 * examples to what the operations really answer. One file per test JVM, under target/.
 */
public final class ProblemLog {

    public static final Path DIRECTORY = Path.of("target", "observed-problems");

    private record Route(String method, Pattern path, int parameters, String operationId) {
    }

    private static final List<Route> ROUTES = routes();
    private static final Set<String> SEEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private ProblemLog() {
    }

    /** This JVM's file. */
    public static Path file() {
        return DIRECTORY.resolve(ProcessHandle.current().pid() + ".tsv");
    }

    /** Notes the problem an operation answered; anything that is no operation of the contract is ignored. */
    public static void note(String method, String path, int status, String code) {
        if (code == null) {
            return;
        }
        String operationId = operationId(method, path);
        if (operationId == null) {
            return;
        }
        String line = operationId + "\t" + status + "\t" + code;
        if (SEEN.add(line)) {
            try {
                Files.createDirectories(DIRECTORY);
                synchronized (ProblemLog.class) {
                    Files.writeString(file(), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static String operationId(String method, String path) {
        String bare = path.split("\\?", 2)[0];
        return ROUTES.stream()
                .filter(route -> route.method().equalsIgnoreCase(method) && route.path().matcher(bare).matches())
                .findFirst().map(Route::operationId).orElse(null);
    }

    private static List<Route> routes() {
        try {
            JsonNode paths = new YAMLMapper().readTree(Files.readString(Path.of("openapi.yaml"))).path("paths");
            List<Route> routes = new ArrayList<>();
            paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
                if (operation.getValue().has("operationId")) {
                    String template = path.getKey();
                    String regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
                    routes.add(new Route(operation.getKey().toUpperCase(Locale.ROOT), Pattern.compile(regex),
                            template.split("\\{", -1).length - 1, operation.getValue().get("operationId").asText()));
                }
            }));
            // A literal segment wins over a parameter: /sandbox/devices before /sandbox/devices/{deviceId}/….
            routes.sort(Comparator.comparingInt(Route::parameters));
            return routes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What was noted in this JVM: "operationId status code" lines. */
    public static Set<String> observed() {
        try {
            return Files.exists(file()) ? new HashSet<>(Files.readAllLines(file())) : Set.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
