package kz.egov.idcard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.egov.idcard.support.HttpApi;
import kz.egov.idcard.support.HttpApi.Reply;
import kz.egov.idcard.support.ReliabilityReport;
import kz.egov.idcard.support.ServiceProcess;
import kz.egov.idcard.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Overload: far more concurrent requests than the pool has connections, so that many give up
 * waiting for one (503). When the burst ends, every connection must be back in the pool and the
 * service must answer normally again, without a restart. The packaged service runs on port 8097
 * with database {@code idcard_overload}, a pool of four connections and a short acquire timeout,
 * so that the waits that give up are many.
 *
 * <p>Before {@code common.db.BoundedWaitPool}, such a burst left connections leased for good
 * (the Vert.x pool's own acquire timeout races the hand-over of a connection): a few bursts and
 * every request got 503 until the service was restarted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverloadRecoveryIT {

    private static final int PORT = Integer.getInteger("overload.port", 8097);
    private static final int POOL = 4;
    private static final int IN_FLIGHT = 200;
    private static final int BURSTS = 3;
    private static final long BURST_MILLIS = 4_000;
    private static final Pattern ACTIVE = Pattern.compile("(?m)^sql_pool_active\\{[^}]*} ([0-9.]+)$");

    private final TestDatabase db = new TestDatabase(System.getProperty("overload.db", "idcard_overload"));
    private ServiceProcess service;
    private HttpApi api;

    @BeforeAll
    void start() throws Exception {
        db.recreate();
        service = new ServiceProcess("overload", PORT, db.name(), Map.of("DB_POOL_SIZE", String.valueOf(POOL),
                "IDCARD_DATABASE_ACQUIRE_TIMEOUT", "PT0.2S"));
        service.start();
        api = new HttpApi(service.baseUrl());
    }

    @AfterAll
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void everyConnectionComesBackAfterBurstsThatOverflowThePool() throws Exception {
        List<String> iins = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            iins.add(citizen().iin());
        }
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<Double> activeAfter = new ArrayList<>();
        for (int burst = 0; burst < BURSTS; burst++) {
            burst(iins, byStatus);
            activeAfter.add(activeWhenSettled());
        }
        Reply login = loginOf(citizen());

        new ReliabilityReport("overload").put("pool", POOL).put("inFlight", IN_FLIGHT).put("bursts", BURSTS)
                .put("answersByStatus", byStatus).put("connectionsLeasedAfterEachBurst", activeAfter)
                .put("loginAfterwards", login.status()).write();
        assertThat(byStatus).as("the bursts overflowed the pool: some requests were refused with 503").containsKey(503);
        assertThat(byStatus.keySet()).as("no answer but the expected ones").allMatch(s -> s == 201 || s == 422 || s == 429 || s == 503);
        assertThat(activeAfter).as("connections leased once each burst had ended").allMatch(active -> active == 0.0);
        assertThat(login.status()).as("a whole login after the bursts: " + login).isEqualTo(200);
    }

    /** Login code requests, IN_FLIGHT at a time, for BURST_MILLIS: known IINs with phones mostly unknown. */
    private void burst(List<String> iins, Map<Integer, Integer> byStatus) throws InterruptedException {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        long end = System.nanoTime() + BURST_MILLIS * 1_000_000;
        while (System.nanoTime() < end) {
            slots.acquire();
            String iin = iins.get(ThreadLocalRandom.current().nextInt(iins.size()));
            String phone = "+7701" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
            sent.add(api.sendAsync(api.request("POST", "/api/v1/auth/otp", null, Map.of("iin", iin, "phone", phone), Map.of()))
                    .handle((response, failure) -> {
                        slots.release();
                        synchronized (byStatus) {
                            byStatus.merge(failure == null ? response.statusCode() : -1, 1, Integer::sum);
                        }
                        return null;
                    }));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    }

    /** Connections the pool counts as leased, once nothing is in flight any more (waits up to 10 s for 0). */
    private double activeWhenSettled() throws Exception {
        double active = Double.NaN;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> metrics = api.sendAsync(api.get("/q/metrics", null)).join();
            Matcher matcher = ACTIVE.matcher(metrics.body());
            assertThat(matcher.find()).as("sql_pool_active in /q/metrics").isTrue();
            active = Double.parseDouble(matcher.group(1));
            if (active == 0.0) {
                return active;
            }
            Thread.sleep(200);
        }
        return active;
    }

    private HttpApi.Citizen citizen() {
        return api.newSandboxCitizen("+7707", "Перегрузов");
    }

    private Reply loginOf(HttpApi.Citizen citizen) {
        Reply otp = api.send(api.request("POST", "/api/v1/auth/otp", null, Map.of("iin", citizen.iin(), "phone", citizen.phone()),
                Map.of()));
        assertThat(otp.status()).as(otp.toString()).isEqualTo(201);
        return api.send(api.request("POST", "/api/v1/auth/otp/" + otp.text("challengeId") + "/verify", null,
                Map.of("code", api.lastCode(citizen.phone())), Map.of()));
    }
}
