package kz.egov.idcard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kz.egov.idcard.support.HttpApi;
import kz.egov.idcard.support.HttpApi.Reply;
import kz.egov.idcard.support.ReliabilityReport;
import kz.egov.idcard.support.ServiceProcess;
import kz.egov.idcard.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Crash recovery: the packaged service, run as a process of this test's own (sandbox profile, port
 * 8095, database {@code idcard_crash}), is killed with SIGKILL between every two steps of the mobile
 * and the web journeys, and while each step is in flight; it is started again and each journey
 * goes on from where the client stood. At the end the database must hold each journey exactly
 * once: one application, one face attempt, one signature, one invoice with one applied payment, a
 * history and an audit trail without repeats, one "submitted" notification. Nothing is repaired by
 * hand between the kills.
 *
 * <p>To keep the number of JVM starts down, the journeys walk in lockstep: each round takes one
 * step of every journey, then kills the service once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryIT {

    private static final int PORT = Integer.getInteger("crash.port", 8095);

    /** How a step meets the kill. */
    enum Crash {
        /** The answer arrived; the service dies before the next step. */
        AFTER_ANSWER,
        /** The service dies while the request is being handled; the client retries it. */
        MID_REQUEST,
        /** The step was done but its answer never reached the client; the client retries it. */
        ANSWER_LOST
    }

    private final TestDatabase db = new TestDatabase(System.getProperty("crash.db", "idcard_crash"));
    private ServiceProcess service;
    private HttpApi api;
    private final Map<String, Long> latency = new HashMap<>();
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private int journeys;
    private int rounds;
    private int retries;
    private int retriesFoundDone;
    private int relogins;
    private final Map<Crash, int[]> retriedByCrash = new java.util.EnumMap<>(Crash.class);
    private long began;

    @BeforeAll
    void startService() throws Exception {
        db.recreate();
        service = new ServiceProcess("crash", PORT, db.name(), Map.of());
        began = System.nanoTime();
        service.start();
        api = new HttpApi(service.baseUrl());
    }

    @AfterAll
    void stopService() throws Exception {
        if (service == null) {
            return;
        }
        service.close();
        List<Long> starts = service.startMillis();
        ReliabilityReport report = new ReliabilityReport("crash")
                .put("journeys", journeys)
                .put("rounds", rounds)
                .put("kills", service.kills())
                .put("restarts", service.starts() - 1)
                .put("retriedRequests", retries)
                .put("retriesFoundAlreadyDone", retriesFoundDone)
                .put("reloginsAfterLostTokens", relogins)
                .put("meanStartMillis", starts.stream().mapToLong(Long::longValue).average().orElse(0))
                .put("maxStartMillis", starts.stream().mapToLong(Long::longValue).max().orElse(0))
                .put("totalSeconds", (System.nanoTime() - began) / 1_000_000_000);
        retriedByCrash.forEach((crash, counts) -> report
                .put(crash.name().toLowerCase().replace('_', '-') + "Retries", counts[0])
                .put(crash.name().toLowerCase().replace('_', '-') + "RetriesFoundDone", counts[1]));
        figures.forEach(report::put);
        report.write();
    }

    @Test
    @Order(1)
    void bothJourneysKilledBetweenEveryTwoStepsCompleteExactlyOnce() throws Exception {
        Journey mobile = new Journey("MOBILE");
        Journey web = new Journey("WEB");
        walk(List.of(mobile, web), (journey, round) -> Crash.AFTER_ANSWER);
        assertDoneExactlyOnce(mobile);
        assertDoneExactlyOnce(web);
        figures.put("afterAnswerKills", mobile.steps().size());
    }

    @Test
    @Order(2)
    void bothJourneysKilledWhileEachStepIsInFlightCompleteExactlyOnce() throws Exception {
        // Two of each: at every step one of them is killed mid-request and the other loses its answer.
        List<Journey> all = List.of(new Journey("MOBILE"), new Journey("MOBILE"), new Journey("WEB"), new Journey("WEB"));
        int roundsBefore = rounds;
        walk(all, (journey, round) -> (all.indexOf(journey) + round) % 2 == 0 ? Crash.MID_REQUEST : Crash.ANSWER_LOST);
        for (Journey journey : all) {
            assertDoneExactlyOnce(journey);
        }
        figures.put("inFlightKills", rounds - roundsBefore);
    }

    // --- the walk ------------------------------------------------------------------------------

    interface CrashPlan {
        Crash at(Journey journey, int round);
    }

    private void walk(List<Journey> all, CrashPlan plan) throws Exception {
        for (Journey journey : all) {
            journey.begin();
            journeys++;
        }
        int steps = all.get(0).steps().size();
        for (int round = 0; round < steps; round++) {
            List<Journey> midRequest = new ArrayList<>();
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            List<HttpRequest> pending = new ArrayList<>();
            List<Crash> crashes = new ArrayList<>();
            long delay = 0;
            for (Journey journey : all) {
                Step step = journey.steps().get(round);
                HttpRequest request = step.request(journey);
                pending.add(request);
                crashes.add(plan.at(journey, round));
                switch (plan.at(journey, round)) {
                    case AFTER_ANSWER -> {
                        Reply reply = api.send(request);
                        latency.merge(step.name(), reply.millis(), Math::max);
                        step.complete(journey, reply, false);
                        pending.set(pending.size() - 1, null);
                    }
                    case ANSWER_LOST -> api.send(request);
                    case MID_REQUEST -> {
                        midRequest.add(journey);
                        inFlight.add(api.sendAsync(request));
                        delay = Math.max(delay, latency.getOrDefault(step.name(), 40L) / 2);
                    }
                }
            }
            if (!inFlight.isEmpty()) {
                Thread.sleep(delay);
            }
            service.kill();
            rounds++;
            for (CompletableFuture<HttpResponse<String>> call : inFlight) {
                try {
                    call.get(5, TimeUnit.SECONDS);
                } catch (Exception expected) {
                    // the connection died with the service
                }
            }
            service.start();
            api = new HttpApi(service.baseUrl());
            for (int i = 0; i < all.size(); i++) {
                HttpRequest again = pending.get(i);
                if (again != null) {
                    Journey journey = all.get(i);
                    retries++;
                    int doneBefore = retriesFoundDone;
                    journey.steps().get(round).complete(journey, api.send(again), true);
                    int[] counts = retriedByCrash.computeIfAbsent(crashes.get(i), c -> new int[2]);
                    counts[0]++;
                    counts[1] += retriesFoundDone > doneBefore ? 1 : 0;
                }
            }
        }
    }

    // --- the checks ----------------------------------------------------------------------------

    private void assertDoneExactlyOnce(Journey j) {
        String iin = j.iin;
        assertThat(db.count("SELECT count(*) FROM application WHERE applicant_iin = ?", iin)).as("applications").isEqualTo(1);
        Map<String, Object> application = db.rows("SELECT id, status, completed_steps, ready_on FROM application WHERE applicant_iin = ?",
                iin).get(0);
        UUID id = (UUID) application.get("id");
        assertThat(id.toString()).isEqualTo(j.applicationId);
        assertThat(application.get("status")).isEqualTo("SUBMITTED");
        assertThat(application.get("ready_on")).isNotNull();
        String lastStep = j.channel.equals("MOBILE") ? "CONFIRMATION" : "SIGNATURE";
        assertThat((String) application.get("completed_steps")).contains("BIOMETRICS", "QUESTIONNAIRE", "PAYMENT", lastStep);

        assertThat(db.rows("SELECT step, from_status, to_status, count(*) AS n FROM application_event WHERE application_id = ? "
                + "GROUP BY step, from_status, to_status HAVING count(*) > 1", id)).as("repeated history entries").isEmpty();
        assertThat(db.count("SELECT count(*) FROM application_event WHERE application_id = ?", id))
                .as("history: created, four steps, submitted").isEqualTo(6);
        assertThat(db.count("SELECT count(*) FROM biometric_attempt WHERE application_id = ?", id)).as("face attempts").isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM application_signature WHERE application_id = ? AND valid", id)).as("signatures")
                .isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM application_signature WHERE application_id = ?", id)).as("signatures ever")
                .isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM invoice WHERE application_id = ?", id)).as("invoices").isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM invoice WHERE application_id = ? AND status = 'PAID'", id)).isEqualTo(1);
        assertThat(db.rows("SELECT n.outcome FROM payment_notice n JOIN invoice i ON i.number = n.invoice_number "
                + "WHERE i.application_id = ? AND n.outcome <> 'DUPLICATE'", id)).as("payments that took effect")
                .extracting(row -> row.get("outcome")).containsExactly("APPLIED");
        assertThat(db.count("SELECT count(*) FROM notification_outbox WHERE dedupe_key LIKE ?", "submitted:" + id + "%"))
                .as("submitted notifications (SMS and push)").isEqualTo(2);

        Map<String, Long> audit = new HashMap<>();
        for (Map<String, Object> row : db.rows("SELECT event_type, count(*) AS n FROM audit_event WHERE subject = ? "
                + "OR subject IN (SELECT 'invoice:' || number FROM invoice WHERE application_id = ?) GROUP BY event_type",
                "application:" + id, id)) {
            audit.put((String) row.get("event_type"), ((Number) row.get("n")).longValue());
        }
        assertThat(audit).as("audit of the application").containsOnly(
                Map.entry("APPLICATION_CREATED", 1L), Map.entry("BIOMETRIC_ATTEMPT", 1L), Map.entry("SIGNATURE_ACCEPTED", 1L),
                Map.entry("INVOICE_CREATED", 1L), Map.entry("PAYMENT_NOTICE", (long) j.paymentNotices),
                Map.entry("APPLICATION_SUBMITTED", 1L));
        assertThat(db.count("SELECT count(*) FROM audit_event WHERE event_type = 'PAYMENT_NOTICE' AND outcome <> 'APPLIED' "
                + "AND subject IN (SELECT 'invoice:' || number FROM invoice WHERE application_id = ?)", id)).isZero();
        assertThat(db.count("SELECT count(*) FROM audit_event WHERE actor = ? AND event_type = 'LOGIN'", iin))
                .as("logins").isEqualTo(1 + j.relogins);
        if (j.channel.equals("MOBILE")) {
            assertThat(db.count("SELECT count(*) FROM device WHERE owner_iin = ?", iin)).as("devices").isEqualTo(1);
            assertThat(db.count("SELECT count(*) FROM audit_event WHERE actor = ? AND event_type = 'DEVICE_ENROLLED'", iin))
                    .isEqualTo(1);
        }
        // The service is up again and tells the citizen the same.
        Reply view = api.send(api.get("/api/v1/applications/" + j.applicationId, j.token));
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.text("status")).isEqualTo("SUBMITTED");
        assertThat(view.json().get("history").size()).isEqualTo(6);
    }

    // --- the journeys --------------------------------------------------------------------------

    /** Takes a step's answer; after a crash, also an answer that says the step was already done. */
    interface Completion {
        void complete(Journey journey, Reply reply, boolean retried);
    }

    interface RequestMaker {
        HttpRequest make(Journey journey);
    }

    record Step(String name, RequestMaker maker, Completion completion) {
        HttpRequest request(Journey journey) {
            return maker.make(journey);
        }

        void complete(Journey journey, Reply reply, boolean retried) {
            try {
                completion.complete(journey, reply, retried);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(journey.channel + " journey of " + journey.iin + ", step " + name
                        + (retried ? " (sent again after the crash)" : "") + ": " + e.getMessage() + "; answer " + reply, e);
            }
        }
    }

    final class Journey {
        final String channel;
        String iin;
        String phone;
        String otpKey;
        String challengeId;
        String token;
        KeyPair faceIdKey;
        String deviceId;
        String applicationId;
        String invoiceId;
        String signingChallenge;
        int relogins;
        int paymentNotices = 1;
        private List<Step> steps;

        Journey(String channel) {
            this.channel = channel;
        }

        /** A test citizen whose card is inside the window; made before the journey, not part of it. */
        void begin() throws Exception {
            HttpApi.Citizen citizen = api.newSandboxCitizen("+7706", "Сбоев");
            phone = citizen.phone();
            iin = citizen.iin();
            otpKey = "otp-" + UUID.randomUUID();
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            faceIdKey = generator.generateKeyPair();
        }

        List<Step> steps() {
            if (steps == null) {
                steps = channel.equals("MOBILE")
                        ? List.of(otp(), verify(), device(), create(), face(), questionnaire(), invoice(), pay(), challenge(),
                                confirm())
                        : List.of(otp(), verify(), create(), face(), questionnaire(), challenge(), smsSignatureCode(),
                                smsSignature(), invoice(), pay());
            }
            return steps;
        }
    }

    private Step otp() {
        return new Step("login code", j -> api.request("POST", "/api/v1/auth/otp", null, Map.of("iin", j.iin, "phone", j.phone),
                Map.of("Idempotency-Key", j.otpKey)), (j, r, retried) -> {
                    assertThat(r.status()).isEqualTo(201);
                    j.challengeId = r.text("challengeId");
                    assertThat(db.count("SELECT count(*) FROM otp_challenge WHERE iin = ? AND status <> 'REFUSED'", j.iin))
                            .as("login codes sent").isEqualTo(1 + j.relogins);
                });
    }

    private Step verify() {
        return new Step("code verified", j -> api.request("POST", "/api/v1/auth/otp/" + j.challengeId + "/verify", null,
                Map.of("code", lastCode(j.phone)), Map.of()), (j, r, retried) -> {
                    if (retried && r.status() == 410 && "OTP_ALREADY_USED".equals(r.text("code"))) {
                        // The tokens were lost with the answer: the citizen logs in again, at once.
                        retriesFoundDone++;
                        relogins++;
                        j.relogins++;
                        j.otpKey = "otp-" + UUID.randomUUID();
                        Reply again = api.send(otp().request(j));
                        otp().complete(j, again, false);
                        r = api.send(verify().request(j));
                    }
                    assertThat(r.status()).isEqualTo(200);
                    j.token = r.text("accessToken");
                });
    }

    private Step device() {
        return new Step("Face ID key enrolled", j -> api.request("POST", "/api/v1/devices", j.token, Map.of("publicKey",
                Base64.getEncoder().encodeToString(j.faceIdKey.getPublic().getEncoded()), "platform", "IOS", "name", "iPhone 15"),
                Map.of()), (j, r, retried) -> {
                    if (retried && r.status() == 409 && "DEVICE_ALREADY_ENROLLED".equals(r.text("code"))) {
                        retriesFoundDone++;
                        JsonNode devices = api.send(api.get("/api/v1/devices", j.token)).json();
                        assertThat(devices.size()).isEqualTo(1);
                        j.deviceId = devices.get(0).get("id").asText();
                        return;
                    }
                    assertThat(r.status()).isEqualTo(201);
                    j.deviceId = r.text("id");
                });
    }

    private Step create() {
        return new Step("application created", j -> api.request("POST", "/api/v1/applications", j.token, Map.of("channel", j.channel),
                Map.of("Idempotency-Key", "create-" + j.iin)), (j, r, retried) -> {
                    assertThat(r.status()).isEqualTo(201);
                    if ("true".equals(r.header("Idempotent-Replayed"))) {
                        retriesFoundDone++;
                    }
                    j.applicationId = r.text("id");
                    assertThat(r.text("nextStep")).isEqualTo("BIOMETRICS");
                });
    }

    private Step face() {
        return new Step("face matched", j -> {
            String selfie = Base64.getEncoder().encodeToString(api.bytes("/api/v1/sandbox/citizens/" + j.iin + "/reference-photo"));
            return api.request("POST", "/api/v1/applications/" + j.applicationId + "/biometrics", j.token, Map.of("selfie", selfie),
                    Map.of());
        }, (j, r, retried) -> {
            if (retried && r.status() == 409 && "STEP_OUT_OF_ORDER".equals(r.text("code"))) {
                retriesFoundDone++;
                assertThat(r.json().get("expectedStep").asText()).isEqualTo("QUESTIONNAIRE");
                return;
            }
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text("result")).isEqualTo("MATCH");
        });
    }

    private Step questionnaire() {
        return new Step("questionnaire filled", j -> {
            Map<String, Object> answers = new HashMap<>();
            answers.put("personalDataConfirmed", true);
            answers.put("contactPhone", j.phone);
            answers.put("pickupPointId", j.channel.equals("MOBILE") ? "SHY-01" : "ALA-01");
            answers.put("tier", j.channel.equals("MOBILE") ? "URGENT" : "EXPEDITED");
            return api.request("PUT", "/api/v1/applications/" + j.applicationId + "/questionnaire", j.token, answers, Map.of());
        }, (j, r, retried) -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text("nextStep")).isEqualTo(j.channel.equals("MOBILE") ? "PAYMENT" : "SIGNATURE");
        });
    }

    private Step invoice() {
        return new Step("invoice made", j -> api.request("POST", "/api/v1/applications/" + j.applicationId + "/payment", j.token, null,
                Map.of()), (j, r, retried) -> {
                    assertThat(r.status()).isIn(200, 201);
                    if (r.status() == 200) {
                        retriesFoundDone++;
                    }
                    j.invoiceId = r.text("invoiceId");
                    assertThat(r.text("status")).isEqualTo("OPEN");
                });
    }

    private Step pay() {
        return new Step("paid from the bank", j -> api.request("POST", "/api/v1/sandbox/payments/" + j.invoiceId + "/pay", null,
                Map.of(), Map.of("Idempotency-Key", "pay-" + j.invoiceId)), (j, r, retried) -> {
                    assertThat(r.status()).isEqualTo(200);
                    if (retried && "DUPLICATE".equals(r.text("outcome"))) {
                        // The gateway's retry of a notice that took effect: harmless, and audited as received.
                        retriesFoundDone++;
                        return;
                    }
                    assertThat(r.text("outcome")).isEqualTo("APPLIED");
                });
    }

    private Step challenge() {
        return new Step("signing challenge fetched", j -> api.get("/api/v1/applications/" + j.applicationId + "/signing-challenge",
                j.token), (j, r, retried) -> {
                    assertThat(r.status()).isEqualTo(200);
                    j.signingChallenge = r.text("challenge");
                });
    }

    private Step confirm() {
        return new Step("confirmed with Face ID", j -> {
            try {
                Signature signer = Signature.getInstance("SHA256withECDSA");
                signer.initSign(j.faceIdKey.getPrivate());
                signer.update(j.signingChallenge.getBytes(StandardCharsets.UTF_8));
                return api.request("POST", "/api/v1/applications/" + j.applicationId + "/confirmation", j.token, Map.of("method",
                        "DEVICE", "deviceId", j.deviceId, "signature", Base64.getEncoder().encodeToString(signer.sign())), Map.of());
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }, (j, r, retried) -> {
            if (retried && r.status() == 409) {
                retriesFoundDone++;
                assertThat(r.text("code")).isEqualTo("APPLICATION_CLOSED");
                assertThat(r.json().get("applicationStatus").asText()).isEqualTo("SUBMITTED");
                return;
            }
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text("status")).isEqualTo("SUBMITTED");
        });
    }

    private Step smsSignatureCode() {
        return new Step("signature code sent", j -> api.request("POST", "/api/v1/applications/" + j.applicationId + "/signature",
                j.token, Map.of("method", "SMS"), Map.of()), (j, r, retried) -> {
                    if (retried && r.status() == 429 && "OTP_RESEND_COOLDOWN".equals(r.text("code"))) {
                        // A code was bound to the challenge before the crash, but the client cannot know whether its SMS
                        // went out: it takes a new challenge (no cooldown there) and asks for a code for that one.
                        retriesFoundDone++;
                        challenge().complete(j, api.send(challenge().request(j)), false);
                        r = api.send(smsSignatureCode().request(j));
                    }
                    assertThat(r.status()).isEqualTo(202);
                });
    }

    private Step smsSignature() {
        return new Step("signed with the SMS code", j -> api.request("POST", "/api/v1/applications/" + j.applicationId
                + "/signature/sms", j.token, Map.of("code", lastCode(j.phone)), Map.of()), (j, r, retried) -> {
                    if (retried && r.status() == 409) {
                        retriesFoundDone++;
                        assertThat(r.json().get("expectedStep").asText()).isEqualTo("PAYMENT");
                        return;
                    }
                    assertThat(r.status()).isEqualTo(200);
                    assertThat(r.text("nextStep")).isEqualTo("PAYMENT");
                });
    }

    private String lastCode(String phone) {
        return api.lastCode(phone);
    }
}
