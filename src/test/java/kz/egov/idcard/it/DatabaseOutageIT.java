package kz.egov.idcard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import kz.egov.idcard.support.HttpApi;
import kz.egov.idcard.support.HttpApi.Reply;
import kz.egov.idcard.support.ReliabilityReport;
import kz.egov.idcard.support.ServiceProcess;
import kz.egov.idcard.support.TcpProxy;
import kz.egov.idcard.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Database outage: the packaged service (sandbox profile, port 8096, database {@code idcard_outage})
 * reaches PostgreSQL through a {@link TcpProxy} of this test's own, which cuts the database off for
 * 30 seconds under load from a few concurrent clients, first by refusing connections, then by
 * black-holing them. During the outage every request must fail fast (at most 2 s) with a 503
 * problem that has a code and Retry-After, and readiness must say DOWN; when the database returns
 * the service must recover by itself, take writes again, and the database must hold no
 * half-written change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutageIT {

    private static final int PORT = Integer.getInteger("outage.port", 8096);
    private static final long OUTAGE_MILLIS = Long.getLong("outage.millis", 30_000);
    private static final long FAIL_FAST_MILLIS = 2_000;
    private static final int CLIENTS = 4;

    private final TestDatabase db = new TestDatabase(System.getProperty("outage.db", "idcard_outage"));
    private TcpProxy proxy;
    private ServiceProcess service;
    private HttpApi api;
    private final List<Citizen> citizens = new ArrayList<>();

    /** A logged-in test citizen with a mobile application whose questionnaire is due. */
    record Citizen(String iin, String phone, String token, String applicationId) {
    }

    /** One request of the load, with when it started relative to the cut and how it ended. */
    record Call(String what, long startedAt, long millis, int status, String contentType, String code, String retryAfter) {
        boolean isDatabaseProblem() {
            return status == 503 && contentType != null && contentType.startsWith("application/problem+json")
                    && "DATABASE_UNAVAILABLE".equals(code) && retryAfter != null && retryAfter.matches("[0-9]+");
        }
    }

    record Probe(long startedAt, long millis, int status) {
    }

    @BeforeAll
    void startBehindTheProxy() throws Exception {
        db.recreate();
        proxy = new TcpProxy(TestDatabase.host(), TestDatabase.port());
        service = new ServiceProcess("outage", PORT, db.name(),
                Map.of("DB_HOST", "127.0.0.1", "DB_PORT", String.valueOf(proxy.port())));
        service.start();
        api = new HttpApi(service.baseUrl());
        for (int i = 0; i < CLIENTS; i++) {
            citizens.add(newCitizenWithADraft());
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    @Order(1)
    void refusedConnectionsAnswer503FastAndTheServiceRecoversByItself() throws Exception {
        outage(TcpProxy.Mode.REFUSE);
    }

    @Test
    @Order(2)
    void blackHoledConnectionsAnswer503FastAndTheServiceRecoversByItself() throws Exception {
        outage(TcpProxy.Mode.BLACKHOLE);
    }

    private void outage(TcpProxy.Mode mode) throws Exception {
        Map<String, Long> eventsBefore = eventsPerApplication();
        List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        List<Probe> probes = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> writesAnswered = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        long[] cut = {Long.MAX_VALUE};
        long origin = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Citizen citizen = citizens.get(i);
            threads.add(daemon(() -> load(citizen, origin, running, calls, writesAnswered)));
        }
        threads.add(daemon(() -> {
            while (running.get()) {
                long started = System.nanoTime();
                ServiceProcess.Health health = service.health(java.time.Duration.ofSeconds(10));
                probes.add(new Probe(millis(origin, started), health.millis(), health.status()));
                sleep(500);
            }
        }));

        sleep(3_000);
        long cutAt = millis(origin, System.nanoTime());
        cut[0] = cutAt;
        proxy.mode(mode);
        sleep(OUTAGE_MILLIS);
        long restoredAt = millis(origin, System.nanoTime());
        proxy.mode(TcpProxy.Mode.FORWARD);

        // Recovery: readiness UP again and a write taken, without anything done to the service.
        long recoveredAt = -1;
        long writeAt = -1;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline && (recoveredAt < 0 || writeAt < 0)) {
            if (recoveredAt < 0 && service.ready() == 200) {
                recoveredAt = millis(origin, System.nanoTime());
            }
            if (writeAt < 0 && writeSucceeds(citizens.get(0), writesAnswered)) {
                writeAt = millis(origin, System.nanoTime());
            }
            sleep(200);
        }
        sleep(2_000);
        running.set(false);
        for (Thread thread : threads) {
            thread.join(15_000);
        }
        assertThat(recoveredAt).as("readiness UP again after the database returned").isPositive();
        List<Probe> probesAfterRestore;
        synchronized (probes) {
            probesAfterRestore = probes.stream().filter(p -> p.startedAt() > restoredAt).toList();
        }
        assertThat(probesAfterRestore).as("probes after the database returned").isNotEmpty();
        assertThat(probesAfterRestore.get(0).status()).as("the first readiness probe after the database returned").isEqualTo(200);
        assertThat(writeAt).as("a write taken after the database returned").isPositive();

        List<Call> before;
        List<Call> during;
        synchronized (calls) {
            before = calls.stream().filter(c -> c.startedAt() + c.millis() < cutAt).toList();
            during = calls.stream().filter(c -> c.startedAt() >= cutAt && c.startedAt() <= restoredAt - FAIL_FAST_MILLIS).toList();
        }
        long maxLatency;
        synchronized (calls) {
            maxLatency = calls.stream().filter(c -> c.startedAt() + c.millis() >= cutAt && c.startedAt() <= restoredAt)
                    .mapToLong(Call::millis).max().orElse(0);
        }
        List<Probe> probesDuring;
        List<Probe> probesAfter;
        synchronized (probes) {
            probesDuring = probes.stream()
                    .filter(p -> p.startedAt() >= cutAt + FAIL_FAST_MILLIS && p.startedAt() + p.millis() < restoredAt).toList();
            probesAfter = probes.stream().filter(p -> p.startedAt() > restoredAt).toList();
        }
        long readinessMax = probesDuring.stream().mapToLong(Probe::millis).max().orElse(0);
        long committed = eventsPerApplication().values().stream().mapToLong(Long::longValue).sum()
                - eventsBefore.values().stream().mapToLong(Long::longValue).sum();
        String name = mode.name().toLowerCase();
        new ReliabilityReport("outage-" + name)
                .put("mode", mode.name())
                .put("clients", CLIENTS)
                .put("outageSeconds", (restoredAt - cutAt) / 1000.0)
                .put("requestsBeforeOutage", before.size())
                .put("requestsDuringOutage", during.size())
                .put("answered503ProblemWithRetryAfter", during.stream().filter(Call::isDatabaseProblem).count())
                .put("maxLatencyMillisDuringOutage", maxLatency)
                .put("readinessProbesDuringOutage", probesDuring.size())
                .put("readinessProbesDown", probesDuring.stream().filter(p -> p.status() == 503).count())
                .put("readinessMaxMillisDuringOutage", readinessMax)
                .put("recoverySecondsToReady", (recoveredAt - restoredAt) / 1000.0)
                .put("recoverySecondsToFirstWrite", (writeAt - restoredAt) / 1000.0)
                .put("questionnaireWritesAnswered", new java.util.TreeMap<>(writesAnswered))
                .put("questionnaireChangesCommitted", committed)
                .write();

        assertThat(before).as("before the outage the load is served").isNotEmpty()
                .allSatisfy(c -> assertThat(c.status()).as(c.toString()).isIn(200, 409));
        assertThat(during).as("requests during the outage").hasSizeGreaterThan(20);
        assertThat(during).as("every request during the outage: a 503 problem with a code and Retry-After")
                .allSatisfy(c -> assertThat(c.isDatabaseProblem()).as(c.toString()).isTrue());
        assertThat(maxLatency).as("slowest answer while the database was away (ms)").isLessThanOrEqualTo(FAIL_FAST_MILLIS);
        assertThat(probesDuring).as("readiness while the database is away").isNotEmpty()
                .allSatisfy(p -> assertThat(p.status()).as(p.toString()).isEqualTo(503));
        assertThat(probesAfter).as("readiness once the database is back").isNotEmpty();
        assertThat(probesAfter.get(probesAfter.size() - 1).status()).isEqualTo(200);
        assertNothingHalfWritten();
        assertThat(committed).as("changes committed: at least those answered 200")
                .isGreaterThanOrEqualTo(writesAnswered.getOrDefault("200", 0));
    }

    /** Each change of an application is the row and its history entry together, or neither. */
    private void assertNothingHalfWritten() {
        for (Citizen citizen : citizens) {
            Map<String, Object> row = db.rows("SELECT version, tier, status FROM application WHERE id = ?::uuid",
                    citizen.applicationId()).get(0);
            long events = db.count("SELECT count(*) FROM application_event WHERE application_id = ?::uuid", citizen.applicationId());
            assertThat(((Number) row.get("version")).longValue()).as("changes of " + citizen.applicationId() + " vs its history")
                    .isEqualTo(events - 1);
            assertThat(row.get("status")).isEqualTo("DRAFT");
            assertThat(db.count("SELECT count(*) FROM application WHERE applicant_iin = ?", citizen.iin())).isEqualTo(1);
        }
    }

    private Map<String, Long> eventsPerApplication() {
        Map<String, Long> counts = new HashMap<>();
        for (Citizen citizen : citizens) {
            counts.put(citizen.applicationId(), db.count("SELECT count(*) FROM application_event WHERE application_id = ?::uuid",
                    citizen.applicationId()));
        }
        return counts;
    }

    // --- load ----------------------------------------------------------------------------------

    private void load(Citizen citizen, long origin, AtomicBoolean running, List<Call> calls, Map<String, Integer> writes) {
        HttpApi client = new HttpApi(service.baseUrl());
        int turn = 0;
        while (running.get()) {
            String what;
            HttpRequest request;
            switch (turn++ % 4) {
                case 0 -> {
                    what = "GET /applications/{id}";
                    request = client.get("/api/v1/applications/" + citizen.applicationId(), citizen.token());
                }
                case 1 -> {
                    what = "GET /me";
                    request = client.get("/api/v1/me", citizen.token());
                }
                case 2 -> {
                    what = "PUT questionnaire";
                    request = questionnaire(client, citizen, turn % 8 < 4 ? "URGENT" : "EXPEDITED");
                }
                default -> {
                    what = "POST /applications";
                    request = client.request("POST", "/api/v1/applications", citizen.token(), Map.of("channel", "MOBILE"),
                            Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                }
            }
            long started = System.nanoTime();
            Call call;
            try {
                Reply reply = client.send(request);
                call = new Call(what, millis(origin, started), reply.millis(), reply.status(), reply.contentType(),
                        reply.contentType() != null && reply.contentType().contains("json") && !reply.body().isEmpty()
                                && reply.body().startsWith("{") ? reply.text("code") : null,
                        reply.header("Retry-After"));
            } catch (RuntimeException e) {
                call = new Call(what + " (" + e.getMessage() + ")", millis(origin, started), millis(started, System.nanoTime()),
                        -1, null, null, null);
            }
            calls.add(call);
            if (what.startsWith("PUT")) {
                writes.merge(String.valueOf(call.status()), 1, Integer::sum);
            }
            sleep(50);
        }
    }

    private boolean writeSucceeds(Citizen citizen, Map<String, Integer> writes) {
        try {
            Reply reply = api.send(questionnaire(api, citizen, "STANDARD".equals(lastTier) ? "URGENT" : "STANDARD"));
            if (reply.status() == 200) {
                lastTier = "STANDARD".equals(lastTier) ? "URGENT" : "STANDARD";
                writes.merge("200", 1, Integer::sum);
                return true;
            }
            return false;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private volatile String lastTier = "URGENT";

    private static final java.util.concurrent.atomic.AtomicInteger HOUSE = new java.util.concurrent.atomic.AtomicInteger();

    /** Answers that differ from any sent before (a new address each time), so that each one taken is a change. */
    private static HttpRequest questionnaire(HttpApi client, Citizen citizen, String tier) {
        Map<String, Object> answers = new HashMap<>();
        answers.put("address", "Астана, ул. Кенесары, " + HOUSE.incrementAndGet());
        answers.put("personalDataConfirmed", true);
        answers.put("contactPhone", citizen.phone());
        answers.put("pickupPointId", "AST-01");
        answers.put("tier", tier);
        return client.request("PUT", "/api/v1/applications/" + citizen.applicationId() + "/questionnaire", citizen.token(), answers,
                Map.of());
    }

    // --- set-up --------------------------------------------------------------------------------

    private Citizen newCitizenWithADraft() {
        HttpApi.Citizen made = api.newSandboxCitizen("+7707", "Обрывов");
        String iin = made.iin();
        String phone = made.phone();
        Reply otp = api.send(api.request("POST", "/api/v1/auth/otp", null, Map.of("iin", iin, "phone", phone), Map.of()));
        assertThat(otp.status()).as(otp.toString()).isEqualTo(201);
        String token = api.send(api.request("POST", "/api/v1/auth/otp/" + otp.text("challengeId") + "/verify", null,
                Map.of("code", api.lastCode(phone)), Map.of())).text("accessToken");
        String id = api.send(api.request("POST", "/api/v1/applications", token, Map.of("channel", "MOBILE"), Map.of())).text("id");
        String selfie = Base64.getEncoder().encodeToString(api.bytes("/api/v1/sandbox/citizens/" + iin + "/reference-photo"));
        Reply face = api.send(api.request("POST", "/api/v1/applications/" + id + "/biometrics", token, Map.of("selfie", selfie),
                Map.of()));
        assertThat(face.text("result")).as(face.toString()).isEqualTo("MATCH");
        return new Citizen(iin, phone, token, id);
    }

    private static Thread daemon(Runnable body) {
        Thread thread = new Thread(body, "outage-load");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static long millis(long origin, long now) {
        return (now - origin) / 1_000_000;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
