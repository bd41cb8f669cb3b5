package kz.egov.idcard.reminder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.egov.idcard.application.Step;
import kz.egov.idcard.common.time.ClockProducer;
import kz.egov.idcard.notification.Notifications;
import kz.egov.idcard.support.ApiTest;
import kz.egov.idcard.support.Db;
import kz.egov.idcard.support.Journeys;
import kz.egov.idcard.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Reminders (docs/product.md, Reminders) on the movable clock: each goes out once, in the
 * citizen's language, when due, also when two runs of the job race (two instances) and when it
 * fell due while the service was down; whether one was sent lives in the database.
 */
@QuarkusTest
class ReminderApiTest extends ApiTest {

    @Inject
    MovableClock clock;

    @Inject
    Db db;

    @Inject
    Reminders reminders;

    @Inject
    Notifications notifications;

    @Inject
    Journeys journeys;

    @Inject
    kz.egov.idcard.calendar.CalendarService calendars;

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    private void moveTo(LocalDateTime local) {
        clock.advance(Duration.between(clock.instant(), local.atZone(ClockProducer.ZONE).toInstant()));
    }

    private void moveTo(OffsetDateTime instant) {
        clock.advance(Duration.between(clock.instant(), instant.toInstant()));
    }

    /** Runs the job until it finds nothing more to send (other tests leave drafts of their own to remind of). */
    private void runJob() {
        for (int i = 0; i < 50; i++) {
            if (runOnce() == 0) {
                return;
            }
        }
        throw new AssertionError("the reminder job never settled");
    }

    private int runOnce() {
        try {
            return VertxContextSupport.subscribeAndAwait(reminders::sendDue);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Two instances at once: two runs of the job racing, until both find nothing more. */
    private void runTwoInstances() throws Exception {
        for (int i = 0; i < 50; i++) {
            List<Integer> sent = parallel(2, this::runOnce);
            if (sent.get(0) + sent.get(1) == 0) {
                return;
            }
        }
        throw new AssertionError("the reminder job never settled");
    }

    private long queued(String dedupeKey) {
        return db.count("select count(*) from notification_outbox where dedupe_key = ?", dedupeKey);
    }

    private String deliveredText(String dedupeKey) {
        for (int i = 0; i < 200 && db.count("select count(*) from notification_outbox where dedupe_key = ? and status = 'PENDING'",
                dedupeKey) > 0; i++) {
            try {
                VertxContextSupport.subscribeAndAwait(notifications::dispatch);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
        String phone = (String) db.rows("select recipient from notification_outbox where dedupe_key = ?", dedupeKey).get(0).get("recipient");
        return given().queryParam("phone", phone).get("/api/v1/sandbox/sms").then().statusCode(200).extract().jsonPath()
                .getList("text", String.class).get(0);
    }

    private static Response ask(String token, String kind) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("kind", kind)).post("/api/v1/reminders");
    }

    @Test
    void aCitizenTooEarlyIsRemindedOnceOnTheDayTheWindowOpensInTheirLanguage() throws Exception {
        LocalDate expiresOn = LocalDate.now(ClockProducer.ZONE).plusDays(60);
        Map<String, Object> citizen = newCitizen(expiresOn);
        String token = accessToken(citizen);
        LocalDate opensOn = expiresOn.minusDays(30);
        String id = given().auth().oauth2(token).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("kind", "WINDOW_OPENS")).post("/api/v1/reminders").then().statusCode(201)
                .body("status", equalTo("PENDING")).body("dueAt", equalTo(opensOn + "T09:00:00+05:00")).extract().path("id");
        ask(token, "WINDOW_OPENS").then().statusCode(409).body("code", equalTo("REMINDER_ALREADY_SET"))
                .body("existingReminderId", equalTo(id));
        given().auth().oauth2(token).get("/api/v1/reminders").then().statusCode(200).body("id", equalTo(List.of(id)));

        moveTo(opensOn.atTime(8, 59));
        runJob();
        assertThat(queued("reminder:" + id)).isZero();
        moveTo(opensOn.atTime(9, 1));
        runTwoInstances();
        runJob();
        assertThat(queued("reminder:" + id)).isEqualTo(1);
        assertThat(db.rows("select status from reminder where id = ?::uuid", id).get(0).get("status")).isEqualTo("SENT");
        assertThat(deliveredText("reminder:" + id)).startsWith("eGov: from today, " + opensOn);
        given().auth().oauth2(token).delete("/api/v1/reminders/{id}", id).then().statusCode(409)
                .body("code", equalTo("REMINDER_ALREADY_SENT"));
    }

    @Test
    void onlyACitizenTooEarlyIsRemindedAndAReminderCanBeWithdrawnBeforeItIsSent() {
        String eligible = accessToken(newCitizen());
        ask(eligible, "WINDOW_OPENS").then().statusCode(422).body("code", equalTo("REMINDER_NOT_APPLICABLE"))
                .body("reason", equalTo("ELIGIBLE"));
        invalid().auth().oauth2(eligible).contentType(ContentType.JSON).body(Map.of("kind", "VISIT_TOMORROW"))
                .post("/api/v1/reminders").then().statusCode(400).body("errors[0].code", equalTo("UNKNOWN_REMINDER"));

        LocalDate expiresOn = LocalDate.now(ClockProducer.ZONE).plusDays(45);
        String token = accessToken(newCitizen(expiresOn));
        String id = ask(token, "WINDOW_OPENS").then().statusCode(201).extract().path("id");
        given().auth().oauth2(eligible).delete("/api/v1/reminders/{id}", id).then().statusCode(404)
                .body("code", equalTo("REMINDER_NOT_FOUND"));
        given().auth().oauth2(token).delete("/api/v1/reminders/{id}", id).then().statusCode(204);
        given().auth().oauth2(token).get("/api/v1/reminders").then().body("$", hasSize(0));
        assertThat(db.count("select count(*) from audit_event where subject = ? and event_type in ('REMINDER_REQUESTED', "
                + "'REMINDER_WITHDRAWN')", "reminder:" + id)).isEqualTo(2);

        moveTo(expiresOn.minusDays(30).atTime(10, 0));
        runJob();
        assertThat(queued("reminder:" + id)).isZero();
        ask(token, "WINDOW_OPENS").then().statusCode(422).body("reason", equalTo("ELIGIBLE"));
    }

    @Test
    void aDraftAboutToExpireIsRemindedOnceTwoHoursBeforeAtThePhoneOfTheLogin() throws Exception {
        Map<String, Object> citizen = newCitizen();
        String token = accessToken(citizen);
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("channel", "MOBILE"))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        OffsetDateTime expiresAt = OffsetDateTime.parse(given().auth().oauth2(token).get("/api/v1/applications/{id}", id).then()
                .extract().path("draftExpiresAt"));

        moveTo(expiresAt.minusHours(2).minusMinutes(1));
        runJob();
        assertThat(queued("reminder:draft-expiry:" + id)).isZero();
        moveTo(expiresAt.minusHours(2).plusMinutes(1));
        runTwoInstances();
        runJob();
        assertThat(queued("reminder:draft-expiry:" + id)).isEqualTo(1);
        assertThat(queued("reminder:draft-expiry:" + id + ":push")).isEqualTo(1);
        assertThat(db.rows("select expiry_reminded_at from application where id = ?::uuid", id).get(0).get("expiry_reminded_at"))
                .isNotNull();
        assertThat(deliveredText("reminder:draft-expiry:" + id)).contains("не завершено")
                .contains(expiresAt.atZoneSameInstant(ClockProducer.ZONE).toLocalTime().toString().substring(0, 5));
        assertThat(db.rows("select recipient from notification_outbox where dedupe_key = ?", "reminder:draft-expiry:" + id).get(0)
                .get("recipient")).isEqualTo(citizen.get("phone"));
    }

    @Test
    void aCardNotCollectedAfterAWeekIsRemindedOnce() throws Exception {
        Map<String, Object> citizen = newCitizen();
        String iin = (String) citizen.get("iin");
        String token = accessToken(citizen);
        String id = draftUpToQuestionnaire(token, iin, "MOBILE", "STANDARD");
        journeys.finish(iin, id, Step.PAYMENT);
        journeys.finish(iin, id, Step.CONFIRMATION);
        String operator = given().contentType(ContentType.JSON).body(Map.of("pointId", "AST-01")).post("/api/v1/sandbox/operator-token")
                .then().statusCode(200).extract().path("accessToken");
        for (String to : List.of("IN_PRODUCTION", "READY_FOR_PICKUP")) {
            given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("to", to))
                    .post("/api/v1/operator/applications/{id}/transitions", id).then().statusCode(200);
        }
        OffsetDateTime readyAt = OffsetDateTime.now(clock);

        moveTo(readyAt.plusDays(7).minusMinutes(5));
        runJob();
        assertThat(queued("reminder:pickup:" + id)).isZero();
        moveTo(readyAt.plusDays(7).plusMinutes(1));
        runTwoInstances();
        runJob();
        assertThat(queued("reminder:pickup:" + id)).isEqualTo(1);
        assertThat(deliveredText("reminder:pickup:" + id)).contains("ждёт вас").contains("ул. Сауран");
    }

    @Test
    void aVisitIsRemindedTheDayBeforeOnceAndOneBookedAfterThatTimeIsNot() throws Exception {
        String centre = "TSON-AST-03";
        LocalDate day = workingDay(3);
        moveTo(day.minusDays(2).atTime(12, 0));
        String token = accessToken(newCitizen());
        String booking = book(token, centre, day + "T16:00:00+05:00").then().statusCode(201).extract().path("id");

        moveTo(day.minusDays(1).atTime(8, 59));
        runJob();
        assertThat(queued("reminder:visit:" + booking)).isZero();
        moveTo(day.minusDays(1).atTime(9, 30));
        runTwoInstances();
        assertThat(queued("reminder:visit:" + booking)).isEqualTo(1);

        String late = book(accessToken(newCitizen()), centre, day + "T16:20:00+05:00").then().statusCode(201).extract().path("id");
        runJob();
        assertThat(queued("reminder:visit:" + late)).isZero();
        assertThat(queued("reminder:visit:" + booking)).isEqualTo(1);
        assertThat(deliveredText("reminder:visit:" + booking)).contains("напоминаем").contains(day + " 16:00");
    }

    @Test
    void aVisitReminderDueWhileTheServiceWasDownGoesOutWhenItIsBackStillOnce() throws Exception {
        LocalDate day = workingDay(4);
        moveTo(day.minusDays(3).atTime(12, 0));
        String booking = book(accessToken(newCitizen()), "TSON-AST-03", day + "T17:00:00+05:00").then().statusCode(201)
                .extract().path("id");
        // Down from before 09:00 the day before until the morning of the visit.
        moveTo(day.atTime(8, 0));
        assertThat(db.rows("select reminded_at from tson_booking where id = ?::uuid", booking).get(0).get("reminded_at")).isNull();
        runTwoInstances();
        runJob();
        assertThat(queued("reminder:visit:" + booking)).isEqualTo(1);
        assertThat(db.rows("select reminded_at from tson_booking where id = ?::uuid", booking).get(0).get("reminded_at")).isNotNull();

        // What a restarted instance knows is what the database says: with the message delivered and gone from the
        // outbox, the mark on the booking alone keeps the job from sending it again.
        db.execute("DELETE FROM notification_outbox WHERE dedupe_key LIKE 'reminder:visit:" + booking + "%'");
        runTwoInstances();
        assertThat(queued("reminder:visit:" + booking)).isZero();
    }

    private LocalDate workingDay(int daysAhead) {
        try {
            kz.egov.idcard.calendar.WorkingDayCalendar calendar = VertxContextSupport.subscribeAndAwait(calendars::calendar);
            LocalDate day = LocalDate.now(ClockProducer.ZONE).plusDays(daysAhead);
            while (!calendar.isWorkingDay(day)) {
                day = day.plusDays(1);
            }
            return day;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response book(String token, String centre, String start) {
        Map<String, Object> body = new HashMap<>();
        body.put("tsonId", centre);
        body.put("start", start);
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/bookings");
    }
}
