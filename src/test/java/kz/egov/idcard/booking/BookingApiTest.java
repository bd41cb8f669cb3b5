package kz.egov.idcard.booking;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Slots of a Public Service Center and booking a visit (docs/product.md, Public Service Center visits). */
@QuarkusTest
class BookingApiTest extends CentreTest {

    private String centre;
    private Map<String, Object> citizen;
    private String token;
    private LocalDate day;

    @BeforeEach
    void citizenAndCentre() {
        centre = newCentre();
        citizen = newCitizen();
        token = accessToken(citizen);
        day = workingWeekday(3);
        moveTo(day.minusDays(2).atTime(10, 0));
    }

    private long bookingsOf(Object iin) {
        return db.count("select count(*) from tson_booking where citizen_iin = ?", iin);
    }

    @Test
    void aWorkingDaysSlotsFillTheOpeningHoursEachWithItsCapacity() {
        slots(token, centre, day).then().statusCode(200).body("$", hasSize(6))
                .body("start", equalTo(List.of(at(day, "09:00"), at(day, "09:30"), at(day, "10:00"), at(day, "10:30"),
                        at(day, "11:00"), at(day, "11:30"))))
                .body("[5].end", equalTo(at(day, "12:00")))
                .body("capacity", equalTo(List.of(2, 2, 2, 2, 2, 2))).body("free", equalTo(List.of(2, 2, 2, 2, 2, 2)));
    }

    @Test
    void thereAreNoSlotsOnAHolidayNorOnASaturdayTheCentreIsOpen() {
        LocalDate holiday = holidayWeekday(3);
        moveTo(holiday.minusDays(2).atTime(10, 0));
        slots(token, centre, holiday).then().statusCode(200).body("$", empty());
        LocalDate saturday = holiday.with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.SATURDAY));
        if (!calendar().isWorkingDay(saturday)) {
            slots(token, centre, saturday).then().statusCode(200).body("$", empty());
        }
        book(token, centre, at(holiday, "10:00"), null).then().statusCode(422).body("code", equalTo("SLOT_NOT_OFFERED"));
    }

    @Test
    void slotsThatHaveBegunOrStartWithinTheHourAreNotOffered() {
        moveTo(day.atTime(9, 40));
        slots(token, centre, day).then().statusCode(200).body("start", equalTo(List.of(at(day, "11:00"), at(day, "11:30"))));
        slots(token, centre, day.minusDays(1)).then().statusCode(200).body("$", empty());
        book(token, centre, at(day, "10:30"), null).then().statusCode(422).body("code", equalTo("SLOT_NOT_OFFERED"));
        assertThat(bookingsOf(citizen.get("iin"))).isZero();
    }

    @Test
    void anUnknownCentreIsNotFoundAndADateIsRequired() {
        slots(token, "TSON-NOPE-99", day).then().statusCode(404).body("code", equalTo("TSON_NOT_FOUND"));
        invalid().auth().oauth2(token).get("/api/v1/tson/{id}/slots", centre).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("date"));
        invalid().auth().oauth2(token).queryParam("date", "14.12.2026").get("/api/v1/tson/{id}/slots", centre).then()
                .statusCode(400).body("errors[0].code", equalTo("INVALID_DATE"));
    }

    @Test
    void theAdminSetsACentresSlotLengthAndCapacityAndCanReturnItToTheDefault() {
        String admin = adminToken();
        reception(admin, centre, 60, 5).then().statusCode(200).body("slotMinutes", equalTo(60)).body("capacity", equalTo(5))
                .body("byDefault", equalTo(false));
        slots(token, centre, day).then().body("start", equalTo(List.of(at(day, "09:00"), at(day, "10:00"), at(day, "11:00"))))
                .body("capacity", equalTo(List.of(5, 5, 5)));
        reception(admin, centre, null, null).then().statusCode(200).body("slotMinutes", equalTo(20)).body("capacity", equalTo(2))
                .body("byDefault", equalTo(true));
        slots(token, centre, day).then().body("$", hasSize(9));
        invalid().auth().oauth2(admin).contentType(io.restassured.http.ContentType.JSON).body(Map.of("slotMinutes", 2))
                .put("/api/v1/admin/tson/{id}/reception", centre).then().statusCode(400).body("errors[0].field", equalTo("slotMinutes"));
        reception(admin, "TSON-NOPE-99", 30, 2).then().statusCode(404).body("code", equalTo("TSON_NOT_FOUND"));
        assertThat(db.count("select count(*) from audit_event where subject = ? and event_type = 'REFERENCE_DATA_CHANGED'",
                "tson:" + centre + ":reception")).isEqualTo(3);
    }

    @Test
    void aBookingHasAShortNumberTakesAPlaceAndIsConfirmedBySmsWithTheAddressAndTime() {
        Response booked = book(token, centre, at(day, "10:00"), null);
        booked.then().statusCode(201).body("number", matchesPattern("^[0-9]{3}-[0-9]{4}$")).body("tsonId", equalTo(centre))
                .body("start", equalTo(at(day, "10:00"))).body("status", equalTo("BOOKED")).body("applicationId", nullValue());
        String id = booked.path("id");
        String number = booked.path("number");
        slots(token, centre, day).then().body("free[2]", equalTo(1)).body("free[3]", equalTo(2));
        given().auth().oauth2(token).get("/api/v1/bookings").then().statusCode(200).body("id", equalTo(List.of(id)));

        deliver("booking:" + id);
        String sms = smsTo((String) citizen.get("phone")).get(0);
        assertThat(sms).contains(number).contains("ул. Тестовая, 1").contains(day + " 10:00");
        assertThat(db.count("select count(*) from audit_event where subject = ? and event_type = 'BOOKING_CREATED'",
                "booking:" + id)).isEqualTo(1);
    }

    @Test
    void aFullSlotIsRefusedAndACancelledPlaceIsFreeAgain() {
        String first = book(accessToken(newCitizen()), centre, at(day, "09:00"), null).then().statusCode(201).extract().path("id");
        book(accessToken(newCitizen()), centre, at(day, "09:00"), null).then().statusCode(201);
        book(token, centre, at(day, "09:00"), null).then().statusCode(409).body("code", equalTo("SLOT_FULL"));
        assertThat(bookingsOf(citizen.get("iin"))).isZero();
        slots(token, centre, day).then().body("free[0]", equalTo(0));

        String firstOwner = (String) db.rows("select citizen_iin from tson_booking where id = ?::uuid", first).get(0).get("citizen_iin");
        assertThat(firstOwner).isNotEqualTo(citizen.get("iin"));
        given().auth().oauth2(token).post("/api/v1/bookings/{id}/cancel", first).then().statusCode(404)
                .body("code", equalTo("BOOKING_NOT_FOUND"));
    }

    @Test
    void aCitizenHoldsOneActiveBookingAndMayBookAgainAfterCancelling() {
        String first = book(token, centre, at(day, "09:00"), null).then().statusCode(201).extract().path("id");
        String number = given().auth().oauth2(token).get("/api/v1/bookings").then().extract().path("[0].number");
        given().header("Accept-Language", "en").auth().oauth2(token).contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("tsonId", centre, "start", at(day, "11:00"))).post("/api/v1/bookings").then().statusCode(409)
                .body("code", equalTo("BOOKING_ALREADY_ACTIVE")).body("existingBookingId", equalTo(first))
                .body("detail", org.hamcrest.Matchers.containsString(number));
        assertThat(bookingsOf(citizen.get("iin"))).isEqualTo(1);

        given().auth().oauth2(token).post("/api/v1/bookings/{id}/cancel", first).then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        given().auth().oauth2(token).post("/api/v1/bookings/{id}/cancel", first).then().statusCode(409)
                .body("code", equalTo("BOOKING_NOT_ACTIVE")).body("bookingStatus", equalTo("CANCELLED"));
        slots(token, centre, day).then().body("free[0]", equalTo(2));
        book(token, centre, at(day, "11:00"), null).then().statusCode(201);
        assertThat(db.count("select count(*) from audit_event where subject = ? and event_type = 'BOOKING_CANCELLED'",
                "booking:" + first)).isEqualTo(1);
    }

    @Test
    void manyCitizensRacingForTheLastPlacesGetExactlyTheCapacity() throws Exception {
        int racers = 6;
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            tokens.add(accessToken(newCitizen()));
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Integer> statuses = parallel(racers, () -> book(tokens.get(next.getAndIncrement()), centre, at(day, "10:30"), null)
                .statusCode());
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(2);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(racers - 2);
        assertThat(db.count("select count(*) from tson_booking where tson_id = ? and status = 'BOOKED'", centre)).isEqualTo(2);
        slots(token, centre, day).then().body("free[3]", equalTo(0));
    }

    @Test
    void badInputIsAProblemAndBooksNothing() {
        book(token, "TSON-NOPE-99", at(day, "10:00"), null).then().statusCode(404).body("code", equalTo("TSON_NOT_FOUND"));
        book(token, centre, at(day, "10:10"), null).then().statusCode(422).body("code", equalTo("SLOT_NOT_OFFERED"));
        book(token, centre, at(day.plusDays(60), "10:00"), null).then().statusCode(422).body("code", equalTo("SLOT_NOT_OFFERED"));

        Map<String, Object> other = newCitizen();
        String othersToken = accessToken(other);
        String othersApplication = given().auth().oauth2(othersToken).contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("channel", "MOBILE")).post("/api/v1/applications").then().statusCode(201).extract().path("id");
        book(token, centre, at(day, "10:00"), othersApplication).then().statusCode(404).body("code", equalTo("APPLICATION_NOT_FOUND"));
        invalid().auth().oauth2(token).contentType(io.restassured.http.ContentType.JSON).body(Map.of("tsonId", centre))
                .post("/api/v1/bookings").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("start"));
        assertThat(bookingsOf(citizen.get("iin"))).isZero();
        slots(token, centre, day).then().body("free", equalTo(List.of(2, 2, 2, 2, 2, 2)));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstBooking() {
        String key = java.util.UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("tsonId", centre, "start", at(day, "09:30"));
        String first = given().auth().oauth2(token).header("Idempotency-Key", key).contentType(io.restassured.http.ContentType.JSON)
                .body(body).post("/api/v1/bookings").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType(io.restassured.http.ContentType.JSON)
                .body(body).post("/api/v1/bookings").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        assertThat(bookingsOf(citizen.get("iin"))).isEqualTo(1);
    }
}
