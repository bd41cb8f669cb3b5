package kz.egov.idcard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kz.egov.idcard.support.ServiceProcess;
import kz.egov.idcard.support.TcpProxy;
import kz.egov.idcard.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Starts of the packaged service: one that waits for a database slow to come (refusing
 * connections for the first 10 s), and production starts with nothing configured, refused with one
 * message that names every setting to give, in 10 of 10 starts.
 */
class StartupIT {

    private static final int PORT = Integer.getInteger("startup.port", 8099);
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final List<String> REQUIRED = List.of("IDCARD_JWT_PRIVATE_KEY", "IDCARD_JWT_PUBLIC_KEY", "IDCARD_OTP_HASH_KEY",
            "IDCARD_BIOMETRICS_ACTIVE_KEY", "IDCARD_PAYMENTS_HMAC_SECRET", "IDCARD_OPERATORS_PUBLIC_KEY", "IDCARD_MOBILE_CITIZENS_URL",
            "IDCARD_ID_DOCUMENTS_URL", "IDCARD_SMS_GATEWAY_URL", "IDCARD_PUSH_URL", "IDCARD_FACE_MATCHER_URL", "IDCARD_PAYMENT_GATEWAY_URL");

    @Test
    void aStartWaitsForADatabaseThatRefusesConnectionsForItsFirstTenSeconds() throws Exception {
        TestDatabase db = new TestDatabase(System.getProperty("startup.db", "idcard_startup")).recreate();
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        try (TcpProxy proxy = new TcpProxy(TestDatabase.host(), TestDatabase.port());
                ServiceProcess service = new ServiceProcess("slow-database", PORT, db.name(),
                        Map.of("DB_HOST", "127.0.0.1", "DB_PORT", String.valueOf(proxy.port())))) {
            proxy.mode(TcpProxy.Mode.REFUSE);
            later.schedule(() -> {
                proxy.mode(TcpProxy.Mode.FORWARD);
                return null;
            }, 10, TimeUnit.SECONDS);
            long begin = System.nanoTime();
            service.start();
            assertThat(Duration.ofNanos(System.nanoTime() - begin)).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
            assertThat(service.ready()).isEqualTo(200);
            // The sandbox's console is for people: plain lines, not JSON.
            List<String> lines = Files.readAllLines(Path.of("target", "reliability", "slow-database-1.log"), StandardCharsets.UTF_8);
            assertThat(lines).anyMatch(line -> line.contains("INFO") && line.contains("Profile sandbox activated"))
                    .noneMatch(line -> line.startsWith("{"));
        } finally {
            later.shutdownNow();
        }
    }

    @Test
    void aDatabaseThatIsReallyAbsentStillFailsTheStart() throws Exception {
        TestDatabase db = new TestDatabase(System.getProperty("startup.db", "idcard_startup")).recreate();
        try (TcpProxy proxy = new TcpProxy(TestDatabase.host(), TestDatabase.port());
                ServiceProcess service = new ServiceProcess("absent-database", PORT, db.name(),
                        Map.of("DB_HOST", "127.0.0.1", "DB_PORT", String.valueOf(proxy.port())))) {
            proxy.mode(TcpProxy.Mode.REFUSE);
            long begin = System.nanoTime();
            assertThatThrownBy(service::start).hasMessageContaining("stopped during start");
            assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(90));
        }
    }

    @Test
    void aProductionStartWithNothingConfiguredNamesEveryRequiredSettingInOneMessageTenTimesOutOfTen() throws Exception {
        TestDatabase db = new TestDatabase(System.getProperty("startup.prod-db", "idcard_startup_prod")).recreate();
        for (int start = 1; start <= 10; start++) {
            assertThat(refusedStart("unconfigured-" + start, db.name(), Map.of())).as("start " + start).contains(REQUIRED);
        }
        // Production's console is JSON lines for the log collector (the refusal itself is one plain line on stderr).
        assertThat(Files.readAllLines(Path.of("target", "reliability", "unconfigured-1.log"), StandardCharsets.UTF_8))
                .anyMatch(line -> line.startsWith("{\"timestamp\""));
    }

    @Test
    void aProductionStartWithSandboxSettingsIsRefusedNamingEachOfThem() throws Exception {
        TestDatabase db = new TestDatabase(System.getProperty("startup.prod-db", "idcard_startup_prod")).recreate();
        Map<String, String> sandbox = Map.of("IDCARD_SANDBOX_ENABLED", "true", "IDCARD_ADAPTERS_MOBILE_CITIZENS", "sandbox",
                "IDCARD_ADAPTERS_ID_DOCUMENTS", "sandbox", "IDCARD_ADAPTERS_SMS", "sandbox", "IDCARD_ADAPTERS_PUSH", "sandbox",
                "IDCARD_BIOMETRICS_MATCHER", "sandbox", "IDCARD_PAYMENTS_GATEWAY", "sandbox", "IDCARD_EDS_TRUST", "sandbox",
                "IDCARD_SECRETS_FALLBACK", "sandbox");
        String reason = refusedStart("sandbox-settings", db.name(), sandbox);
        assertThat(reason).contains(sandbox.keySet()).contains("active: prod");
    }

    /** Starts the jar in the prod profile with only these variables; returns the one-line reason it was refused with. */
    private static String refusedStart(String name, String database, Map<String, String> variables) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-XX:TieredStopAtLevel=1", "-Xmx256m", "-jar", JAR.toString())
                .redirectErrorStream(true);
        Path log = Path.of("target", "reliability", name + ".log");
        Files.createDirectories(log.getParent());
        builder.redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("IDCARD_") || variable.startsWith("QUARKUS_"));
        builder.environment().putAll(Map.of("QUARKUS_PROFILE", "prod", "PORT", String.valueOf(PORT), "DB_NAME", database));
        builder.environment().putAll(variables);
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(name + " ended").isTrue();
        assertThat(process.exitValue()).as(name + " was refused").isNotZero();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        String reason = output.lines().filter(line -> line.startsWith("Refusing to start: these settings are missing"))
                .findFirst().orElse("");
        assertThat(reason).as(name + " said why, in one line: " + output.lines().limit(3).toList()).isNotEmpty();
        return reason;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
