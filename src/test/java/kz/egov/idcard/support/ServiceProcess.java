package kz.egov.idcard.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged service as an operating system process of the test's own: the executable of a native
 * build, or {@code target/quarkus-app/quarkus-run.jar}, as {@code target/quarkus-artifact.properties}
 * says (the file {@code @QuarkusIntegrationTest} reads too). It is started with the sandbox profile on
 * its own port and database, killed with SIGKILL ({@link Process#destroyForcibly()}) and started
 * again. Each start logs to its own file under {@code target/reliability/}.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Path TARGET = Path.of("target");
    private static final Path JAR = TARGET.resolve("quarkus-app").resolve("quarkus-run.jar");

    private final String name;
    private final int port;
    private final Map<String, String> env;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private Process process;
    private int starts;
    private int kills;
    private final List<Long> startMillis = new ArrayList<>();

    public ServiceProcess(String name, int port, String database, Map<String, String> extraEnv) {
        this.name = name;
        this.port = port;
        this.env = new HashMap<>();
        env.put("QUARKUS_PROFILE", "sandbox");
        env.put("PORT", String.valueOf(port));
        env.put("DB_NAME", database);
        env.put("IDCARD_ACCESS_LOG", "false");
        // These tests fire bursts of logins at an idle service: the login door opens wide at once (its
        // slow start is shown by JourneyRateTest and the benchmark).
        env.put("IDCARD_ADMISSION_UNTRIED_JOURNEYS_PER_SECOND", "1000");
        env.putAll(extraEnv);
    }

    /** An environment variable of the next starts (e.g. libfaketime's FAKETIME, to move the service's clock). */
    public void putEnv(String name, String value) {
        env.put(name, value);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the service and waits until {@code /q/health/ready} is UP. */
    public void start() throws IOException, InterruptedException {
        Path log = Path.of("target", "reliability", name + "-" + (starts + 1) + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        long begin = System.nanoTime();
        process = builder.start();
        starts++;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service stopped during start (exit " + process.exitValue() + "), see " + log);
            }
            if (ready() == 200) {
                startMillis.add((System.nanoTime() - begin) / 1_000_000);
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the service was not ready within 90 s, see " + log);
    }

    /** SIGKILL: no shutdown hook, no graceful close of anything. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
            kills++;
        }
    }

    public void killAndRestart() throws IOException, InterruptedException {
        kill();
        start();
    }

    /** The status of {@code /q/health/ready}, or -1 when nothing answers within the timeout. */
    public int ready() {
        return health(Duration.ofSeconds(5)).status();
    }

    public record Health(int status, String body, long millis) {
    }

    public Health health(Duration timeout) {
        long begin = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                    .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Health(response.statusCode(), response.body(), (System.nanoTime() - begin) / 1_000_000);
        } catch (IOException e) {
            return new Health(-1, e.toString(), (System.nanoTime() - begin) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Health(-1, e.toString(), (System.nanoTime() - begin) / 1_000_000);
        }
    }

    public int starts() {
        return starts;
    }

    public int kills() {
        return kills;
    }

    public List<Long> startMillis() {
        return startMillis;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** The native executable when the last build made one, the fast jar on this JVM otherwise. */
    private static List<String> command() throws IOException {
        Path artifact = TARGET.resolve("quarkus-artifact.properties");
        java.util.Properties built = new java.util.Properties();
        if (Files.exists(artifact)) {
            try (var in = Files.newInputStream(artifact)) {
                built.load(in);
            }
        }
        if ("native".equals(built.getProperty("type"))) {
            return List.of(TARGET.resolve(built.getProperty("path")).toAbsolutePath().toString());
        }
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: these tests run after packaging (mvn verify)");
        }
        return List.of(javaBinary(), "-XX:TieredStopAtLevel=1", "-Xmx512m", "-jar", JAR.toString());
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
