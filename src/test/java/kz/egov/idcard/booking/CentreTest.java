package kz.egov.idcard.booking;

import static io.restassured.RestAssured.given;

import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.egov.idcard.calendar.CalendarService;
import kz.egov.idcard.calendar.WorkingDayCalendar;
import kz.egov.idcard.common.time.ClockProducer;
import kz.egov.idcard.notification.Notifications;
import kz.egov.idcard.support.ApiTest;
import kz.egov.idcard.support.Db;
import kz.egov.idcard.support.MovableClock;
import org.junit.jupiter.api.AfterEach;

/**
 * What the Public Service Center tests share: a centre of their own (so that no other test takes
 * its places), the movable clock set to a chosen local time, days picked from the service's own
 * working-day calendar, and the outbox delivered on demand.
 */
abstract class CentreTest extends ApiTest {

    @Inject
    MovableClock clock;

    @Inject
    Db db;

    @Inject
    CalendarService calendars;

    @Inject
    Notifications notifications;

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    static String adminToken() {
        return given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/sandbox/admin-token").then().statusCode(200)
                .extract().path("accessToken");
    }

    static String operatorToken(String pointId) {
        return given().contentType(ContentType.JSON).body(Map.of("pointId", pointId)).post("/api/v1/sandbox/operator-token")
                .then().statusCode(200).extract().path("accessToken");
    }

    /** A new centre in Astana, open 09:00-12:00 on weekdays and 10:00-12:00 on Saturdays, with 30-minute slots for 2. */
    static String newCentre() {
        String id = "TSON-T" + Integer.toString(RANDOM.nextInt(Integer.MAX_VALUE), 36).toUpperCase();
        Map<String, Object> names = Map.of("kk", "Сынақ ХҚКО", "ru", "Тестовый ЦОН", "en", "Test PSC");
        Map<String, Object> address = Map.of("kk", "Сынақ көшесі, 1", "ru", "ул. Тестовая, 1", "en", "Test St 1");
        Map<String, Object> place = new HashMap<>();
        place.put("regionCode", "ASTANA");
        place.put("city", Map.of("kk", "Астана", "ru", "Астана", "en", "Astana"));
        place.put("name", names);
        place.put("address", address);
        place.put("hours", List.of(Map.of("days", "MON-FRI", "opens", "09:00", "closes", "12:00"),
                Map.of("days", "SAT", "opens", "10:00", "closes", "12:00")));
        place.put("phone", "1414");
        String admin = adminToken();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("id", id, "place", place))
                .post("/api/v1/admin/tson").then().statusCode(201);
        reception(admin, id, 30, 2).then().statusCode(200);
        return id;
    }

    static Response reception(String admin, String centre, Integer slotMinutes, Integer capacity) {
        Map<String, Object> body = new HashMap<>();
        body.put("slotMinutes", slotMinutes);
        body.put("capacity", capacity);
        body.values().removeIf(java.util.Objects::isNull);
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).put("/api/v1/admin/tson/{id}/reception", centre);
    }

    /** Sets the service's clock to a local time (forward only: tokens already issued stay valid). */
    void moveTo(LocalDateTime local) {
        clock.advance(Duration.between(clock.instant(), local.atZone(ClockProducer.ZONE).toInstant()));
    }

    WorkingDayCalendar calendar() {
        try {
            return VertxContextSupport.subscribeAndAwait(calendars::calendar);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first working day from Monday to Friday at least the given days after today. */
    LocalDate workingWeekday(int daysAhead) {
        WorkingDayCalendar calendar = calendar();
        LocalDate day = LocalDate.now(ClockProducer.ZONE).plusDays(daysAhead);
        while (!calendar.isWorkingDay(day) || day.getDayOfWeek().getValue() > DayOfWeek.FRIDAY.getValue()) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The first holiday or day off from Monday to Friday at least the given days after today. */
    LocalDate holidayWeekday(int daysAhead) {
        WorkingDayCalendar calendar = calendar();
        LocalDate day = LocalDate.now(ClockProducer.ZONE).plusDays(daysAhead);
        while (calendar.isWorkingDay(day) || day.getDayOfWeek().getValue() > DayOfWeek.FRIDAY.getValue()) {
            day = day.plusDays(1);
        }
        return day;
    }

    static Response slots(String token, String centre, LocalDate day) {
        return given().auth().oauth2(token).queryParam("date", day.toString()).get("/api/v1/tson/{id}/slots", centre);
    }

    static String at(LocalDate day, String time) {
        return day + "T" + time + ":00+05:00";
    }

    static Response book(String token, String centre, String start, String applicationId) {
        Map<String, Object> body = new HashMap<>();
        body.put("tsonId", centre);
        body.put("start", start);
        if (applicationId != null) {
            body.put("applicationId", applicationId);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/bookings");
    }

    /** Delivers the outbox until the message is sent (other tests leave messages of their own in it). */
    void deliver(String dedupeKey) {
        for (int i = 0; i < 200; i++) {
            if (db.count("select count(*) from notification_outbox where dedupe_key = ? and status = 'PENDING'", dedupeKey) == 0) {
                return;
            }
            try {
                VertxContextSupport.subscribeAndAwait(notifications::dispatch);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("not delivered: " + dedupeKey);
    }

    /** The newest texts the sandbox SMS gateway sent to the phone. */
    static List<String> smsTo(String phone) {
        return given().queryParam("phone", phone).get("/api/v1/sandbox/sms").then().statusCode(200).extract().jsonPath()
                .getList("text", String.class);
    }
}
