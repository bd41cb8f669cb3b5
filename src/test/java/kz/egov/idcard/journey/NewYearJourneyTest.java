package kz.egov.idcard.journey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.security.KeyPair;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.egov.idcard.calendar.CalendarService;
import kz.egov.idcard.common.time.ClockProducer;
import kz.egov.idcard.fees.FeeService;
import kz.egov.idcard.support.ApiTest;
import kz.egov.idcard.support.Db;
import kz.egov.idcard.support.Journeys;
import kz.egov.idcard.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * STANDARD journeys across the turn of the year, on the movable clock: paid in December 2026 at
 * 0.2 MRP of 2026, finished in January 2027, with and without 2027's MRP and official calendar
 * published. Nothing after the money moved needs them: without them the ready-on date is the
 * statutory estimate (readyOnEstimated), recomputed once the calendar is published.
 */
@QuarkusTest
class NewYearJourneyTest extends ApiTest {

    /** 2027 by the statutory rule: 1-2 January off (2 January a Saturday, so Monday 4 off), 7 January off. */
    private static final String ESTIMATED_READY_ON = "2027-01-26";
    /** With the published calendar below, which also gives Friday 8 January off. */
    private static final String OFFICIAL_READY_ON = "2027-01-27";

    @Inject
    MovableClock clock;

    @Inject
    Db db;

    @Inject
    Journeys journeys;

    @Inject
    FeeService fees;

    @Inject
    CalendarService calendars;

    private Map<String, Object> citizen;
    private String token;
    private KeyPair phoneKey;
    private String deviceId;
    private String calendarSource;

    @BeforeEach
    void citizenWhoseCardExpiresInJanuary() throws Exception {
        citizen = newCitizen(LocalDate.of(2027, 1, 10));
        token = accessToken(citizen);
        phoneKey = p256();
        deviceId = enrolDevice(token, phoneKey, "IOS");
        calendarSource = (String) db.rows("select source from calendar_year where year = 2027").get(0).get("source");
    }

    @AfterEach
    void back() throws Exception {
        clock.reset();
        db.execute("DELETE FROM mrp WHERE year = 2027");
        db.execute("DELETE FROM calendar_day WHERE day = '2027-01-08'");
        db.execute("UPDATE calendar_year SET official = FALSE, source = '" + calendarSource.replace("'", "''") + "' WHERE year = 2027");
        fees.forget();
        calendars.forget();
    }

    @Test
    void aMobileApplicationPaidInDecemberIsConfirmedInJanuaryWithoutNextYearsData() {
        moveTo(2026, 12, 31, 14);
        String id = draft("MOBILE");
        String invoice = invoice(id, 865.00f);
        pay(invoice).then().body("outcome", equalTo("APPLIED"));

        moveTo(2027, 1, 2, 11);
        given().queryParam("tier", "STANDARD").get("/api/v1/fees/quote").then().statusCode(409)
                .body("code", equalTo("FEE_NOT_PUBLISHED")).body("year", equalTo(2027));
        sign(id, "confirmation").then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("readyOn", equalTo(ESTIMATED_READY_ON)).body("readyOnEstimated", equalTo(true));
    }

    @Test
    void aWebApplicationSignedInDecemberIsPaidOnNewYearsDayWithoutNextYearsData() {
        moveTo(2026, 12, 31, 14);
        String id = draft("WEB");
        sign(id, "signature").then().statusCode(200).body("nextStep", equalTo("PAYMENT"));
        String invoice = invoice(id, 865.00f);

        moveTo(2027, 1, 1, 10);
        pay(invoice).then().statusCode(200).body("outcome", equalTo("APPLIED"));
        given().auth().oauth2(token).get("/api/v1/applications/{id}", id).then().body("status", equalTo("SUBMITTED"))
                .body("readyOn", equalTo(ESTIMATED_READY_ON)).body("readyOnEstimated", equalTo(true));
        given().auth().oauth2(token).get("/api/v1/applications/{id}/payment", id).then().body("status", equalTo("PAID"))
                .body("amount", equalTo(865.00f));
    }

    @Test
    void withNextYearsDataPublishedTheReadyOnDateIsOfficialAndJanuarysStateDutyIsItsMrp() {
        moveTo(2026, 12, 31, 14);
        String mobile = draft("MOBILE");
        pay(invoice(mobile, 865.00f)).then().body("outcome", equalTo("APPLIED"));
        publishNextYear();

        moveTo(2027, 1, 2, 11);
        sign(mobile, "confirmation").then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("readyOn", equalTo(OFFICIAL_READY_ON)).body("readyOnEstimated", equalTo(false));

        // A second citizen starts on the web in January 2027: the state duty is 0.2 MRP of 2027.
        citizen = newCitizen(LocalDate.of(2027, 1, 10));
        token = accessToken(citizen);
        deviceId = enrolDevice(token, phoneKey, "IOS");
        String web = draft("WEB");
        sign(web, "signature").then().statusCode(200);
        pay(invoice(web, 922.80f)).then().body("outcome", equalTo("APPLIED"));
        given().auth().oauth2(token).get("/api/v1/applications/{id}", web).then().body("status", equalTo("SUBMITTED"))
                .body("readyOnEstimated", equalTo(false));
    }

    @Test
    void anEstimatedReadyOnDateIsRecomputedOnceTheYearsCalendarIsPublished() {
        moveTo(2026, 12, 31, 14);
        String id = draft("MOBILE");
        pay(invoice(id, 865.00f)).then().body("outcome", equalTo("APPLIED"));
        moveTo(2027, 1, 2, 11);
        sign(id, "confirmation").then().body("readyOn", equalTo(ESTIMATED_READY_ON)).body("readyOnEstimated", equalTo(true));

        publishNextYear();
        journeys.refreshEstimatedReadyOn();
        journeys.refreshEstimatedReadyOn();
        given().auth().oauth2(token).get("/api/v1/applications/{id}", id).then()
                .body("readyOn", equalTo(OFFICIAL_READY_ON)).body("readyOnEstimated", equalTo(false))
                .body("history.reason", hasItem("Ready-on date recomputed with the official calendar: "
                        + ESTIMATED_READY_ON + " -> " + OFFICIAL_READY_ON));
        assertThat(db.count("select count(*) from application_event where application_id = ?::uuid and reason like 'Ready-on date%'",
                id)).isEqualTo(1);
    }

    /** 2027's MRP, and its calendar as V3 estimated it plus Friday 8 January off, published by an admin. */
    private void publishNextYear() {
        String admin = given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/sandbox/admin-token").then()
                .extract().path("accessToken");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("amount", 4614.00, "basis", "Law \"On the republican budget for 2027-2029\""))
                .put("/api/v1/admin/mrp/2027").then().statusCode(200);
        List<Map<String, Object>> days = given().auth().oauth2(admin).get("/api/v1/admin/calendar/2027").then().statusCode(200)
                .extract().jsonPath().getList("days");
        List<Map<String, Object>> holidays = new ArrayList<>();
        List<Map<String, Object>> daysOff = new ArrayList<>(List.of(Map.of("date", "2027-01-08", "name", "Day off by decree")));
        List<Map<String, Object>> transfers = new ArrayList<>();
        for (Map<String, Object> day : days) {
            Map<String, Object> listed = Map.of("date", day.get("date"), "name", day.get("name"));
            switch ((String) day.get("kind")) {
                case "HOLIDAY" -> holidays.add(listed);
                case "DAY_OFF" -> daysOff.add(listed);
                default -> throw new IllegalStateException("2027's estimate has no worked weekend day: " + day);
            }
        }
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("source", "Official 2027 list (test)", "holidays", holidays, "daysOff", daysOff, "transfers", transfers))
                .put("/api/v1/admin/calendar/2027").then().statusCode(200).body("official", equalTo(true));
    }

    private void moveTo(int year, int month, int day, int hour) {
        ZonedDateTime target = ZonedDateTime.of(year, month, day, hour, 0, 0, 0, ClockProducer.ZONE);
        clock.advance(Duration.between(clock.instant(), target.toInstant()));
    }

    private String draft(String channel) {
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("channel", channel))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        passFaceMatch(token, id, (String) citizen.get("iin"));
        Map<String, Object> answers = new HashMap<>();
        answers.put("personalDataConfirmed", true);
        answers.put("contactPhone", "+77011234567");
        answers.put("pickupPointId", "AST-01");
        answers.put("tier", "STANDARD");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(answers)
                .put("/api/v1/applications/{id}/questionnaire", id).then().statusCode(200);
        return id;
    }

    private String invoice(String id, float amount) {
        return given().auth().oauth2(token).post("/api/v1/applications/{id}/payment", id).then().statusCode(201)
                .body("amount", equalTo(amount)).extract().path("invoiceId");
    }

    private Response sign(String id, String endpoint) {
        String challenge = given().auth().oauth2(token).get("/api/v1/applications/{id}/signing-challenge", id).then().statusCode(200)
                .extract().path("challenge");
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("method", "DEVICE", "deviceId", deviceId, "signature", sign(phoneKey, challenge)))
                .post("/api/v1/applications/{id}/" + endpoint, id);
    }

    private static Response pay(String invoiceId) {
        return given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/sandbox/payments/{id}/pay", invoiceId);
    }
}
