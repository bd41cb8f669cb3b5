package kz.egov.idcard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import kz.egov.idcard.support.HttpApi;
import kz.egov.idcard.support.HttpApi.Reply;
import kz.egov.idcard.support.ServiceProcess;
import kz.egov.idcard.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A reminder that fell due while the service was down goes out when it is back, once, and not
 * again after another restart (docs/product.md, Reminders): what was sent lives in the database.
 * The packaged service's clock is moved by libfaketime (Debian's faketime package; PostgreSQL keeps
 * real time, the service takes time only from its Clock). Two jobs racing, as two instances would,
 * are in ReminderApiTest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReminderRestartIT {

    private static final int PORT_A = Integer.getInteger("reminders.port", 8093);
    private static final Path FAKETIME = Path.of("/usr/bin/faketime");
    private static final String WINDOW_OPENS_TEXT = "eGov: from today, 2027-01-04";

    private final TestDatabase db = new TestDatabase(System.getProperty("reminders.db", "idcard_reminders"));
    private ServiceProcess first;

    @BeforeAll
    void startOnTheFifthOfDecember() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(FAKETIME), "Debian's faketime is not installed (apt-get install faketime)");
        db.recreate();
        first = instance("reminders-a", PORT_A, "@2026-12-05 05:00:00");
        first.start();
    }

    /** The job looks every second and the outbox is dispatched every second, so that the test does not wait a minute. */
    private ServiceProcess instance(String name, int port, String faketime) {
        return new ServiceProcess(name, port, db.name(), Map.of("LD_PRELOAD", "/usr/$LIB/faketime/libfaketime.so.1",
                "FAKETIME_DONT_FAKE_MONOTONIC", "1", "TZ", "UTC", "FAKETIME", faketime,
                "IDCARD_REMINDERS_CHECK_EVERY", "1s", "IDCARD_NOTIFICATIONS_DISPATCH_EVERY", "1s"));
    }

    @AfterAll
    void stop() throws Exception {
        if (first != null) {
            first.close();
        }
    }

    @Test
    void aReminderDueWhileTheServiceWasDownGoesOutOnceWhenItReturnsAndNotAgainAfterARestart() throws Exception {
        HttpApi api = new HttpApi(first.baseUrl());
        String phone = "+7709" + String.format("%07d", java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000));
        Reply made = api.send(api.request("POST", "/api/v1/sandbox/citizens", null, Map.of("phone", phone, "lastName", "Напоминаев",
                "firstName", "Тест", "idCard", Map.of("expiresOn", "2027-02-03")), Map.of()));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String token = login(api, made.text("iin"), phone);
        Reply asked = api.send(api.request("POST", "/api/v1/reminders", token, Map.of("kind", "WINDOW_OPENS"),
                Map.of("Accept-Language", "en")));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        assertThat(asked.text("dueAt")).isEqualTo("2027-01-04T09:00:00+05:00");

        // Down from 5 December until two hours after the reminder fell due.
        first.kill();
        first.putEnv("FAKETIME", "@2027-01-04 06:00:00");
        first.start();

        long deadline = System.nanoTime() + 60_000_000_000L;
        while (remindersSentTo(api, phone) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(remindersSentTo(api, phone)).as("the reminder went out after the downtime").isEqualTo(1);
        Thread.sleep(5_000); // the job has run several more times
        assertThat(remindersSentTo(api, phone)).as("and only once").isEqualTo(1);

        first.kill();
        first.start();
        Thread.sleep(5_000);
        assertThat(remindersSentTo(api, phone)).as("and not again after a restart").isEqualTo(1);
        JsonNode listed = api.send(api.get("/api/v1/reminders", login(api, made.text("iin"), phone))).json();
        assertThat(listed.get(0).get("status").asText()).isEqualTo("SENT");
    }

    private static long remindersSentTo(HttpApi api, String phone) {
        Reply sms = api.send(api.get("/api/v1/sandbox/sms?phone=" + phone.replace("+", "%2B"), null));
        assertThat(sms.status()).as(sms.toString()).isEqualTo(200);
        long count = 0;
        for (JsonNode message : sms.json()) {
            if (message.get("text").asText().startsWith(WINDOW_OPENS_TEXT)) {
                count++;
            }
        }
        return count;
    }

    private static String login(HttpApi api, String iin, String phone) {
        Reply challenge = api.send(api.request("POST", "/api/v1/auth/otp", null, Map.of("iin", iin, "phone", phone), Map.of()));
        assertThat(challenge.status()).as(challenge.toString()).isEqualTo(201);
        Reply tokens = api.send(api.request("POST", "/api/v1/auth/otp/" + challenge.text("challengeId") + "/verify", null,
                Map.of("code", api.lastCode(phone)), Map.of()));
        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        return tokens.text("accessToken");
    }
}
