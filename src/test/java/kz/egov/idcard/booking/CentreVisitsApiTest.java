package kz.egov.idcard.booking;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Public Service Center's operators see the day's booked visits with the online data, and mark them. */
@QuarkusTest
class CentreVisitsApiTest extends CentreTest {

    private String centre;
    private LocalDate day;

    @BeforeEach
    void centreAndDay() {
        centre = newCentre();
        day = workingWeekday(3);
        moveTo(day.minusDays(2).atTime(10, 0));
    }

    private static String uniformPicture() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(300, 400, BufferedImage.TYPE_INT_RGB), "png", out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static String operatorMark(String operator, String booking, String to) {
        return given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("to", to))
                .post("/api/v1/operator/bookings/{id}/transitions", booking).then().extract().asString();
    }

    @Test
    void theCentreSeesTheDaysVisitsInTimeOrderWithWhyTheCitizenWasSentAndWhatTheyAnsweredOnline() throws Exception {
        Map<String, Object> redirected = newCitizen();
        String redirectedToken = accessToken(redirected);
        String redirectedApplication = given().auth().oauth2(redirectedToken).contentType(ContentType.JSON)
                .body(Map.of("channel", "MOBILE")).post("/api/v1/applications").then().statusCode(201).extract().path("id");
        given().auth().oauth2(redirectedToken).contentType(ContentType.JSON).body(Map.of("selfie", uniformPicture()))
                .post("/api/v1/applications/{id}/biometrics", redirectedApplication).then().statusCode(200)
                .body("result", equalTo("REDIRECTED_TO_TSON"));
        String first = book(redirectedToken, centre, at(day, "11:00"), redirectedApplication).then().statusCode(201)
                .body("applicationId", equalTo(redirectedApplication)).extract().path("number");

        Map<String, Object> answered = newCitizen();
        String answeredToken = accessToken(answered);
        String answeredApplication = draftUpToQuestionnaire(answeredToken, (String) answered.get("iin"), "WEB", "STANDARD");
        book(answeredToken, centre, at(day, "09:30"), answeredApplication).then().statusCode(201);

        String cancelledToken = accessToken(newCitizen());
        String cancelled = book(cancelledToken, centre, at(day, "10:00"), null).then().statusCode(201).extract().path("id");
        given().auth().oauth2(cancelledToken).post("/api/v1/bookings/{id}/cancel", cancelled).then().statusCode(200);

        given().auth().oauth2(operatorToken(centre)).header("Accept-Language", "en").queryParam("date", day.toString())
                .get("/api/v1/operator/bookings").then().statusCode(200).body("$", hasSize(2))
                .body("[0].start", equalTo(at(day, "09:30"))).body("[0].citizen.iin", equalTo(answered.get("iin")))
                .body("[0].application.id", equalTo(answeredApplication))
                .body("[0].application.status", equalTo("DRAFT"))
                .body("[0].application.completedSteps", equalTo(java.util.List.of("BIOMETRICS", "QUESTIONNAIRE")))
                .body("[0].application.questionnaire.pickupPointId", equalTo("AST-01"))
                .body("[0].application.questionnaire.tier", equalTo("STANDARD"))
                .body("[0].application.questionnaire.contactPhone", equalTo("+77011234567"))
                .body("[0].application", not(hasKey("redirectReason")))
                .body("[1].number", equalTo(first)).body("[1].start", equalTo(at(day, "11:00")))
                .body("[1].citizen.iin", equalTo(redirected.get("iin"))).body("[1].citizen.name", equalTo("Тестов Тест"))
                .body("[1].citizen.phone", equalTo(redirected.get("phone")))
                .body("[1].application.id", equalTo(redirectedApplication))
                .body("[1].application.status", equalTo("REDIRECTED_TO_TSON"))
                .body("[1].application.redirectReason", equalTo("BIOMETRIC_CANNOT_PROCESS"))
                .body("[1].application.redirectMessage", org.hamcrest.Matchers.containsString("not a refusal"))
                .body("[1].application", not(hasKey("questionnaire")));
    }

    @Test
    void anOperatorMarksAVisitOnceAndOnlyAtTheirOwnCentre() {
        String token = accessToken(newCitizen());
        String booking = book(token, centre, at(day, "09:00"), null).then().statusCode(201).extract().path("id");
        String operator = operatorToken(centre);

        given().auth().oauth2(operatorToken("TSON-AST-01")).contentType(ContentType.JSON).body(Map.of("to", "SERVED"))
                .post("/api/v1/operator/bookings/{id}/transitions", booking).then().statusCode(404).body("code", equalTo("BOOKING_NOT_FOUND"));
        invalid().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("to", "CANCELLED"))
                .post("/api/v1/operator/bookings/{id}/transitions", booking).then().statusCode(400)
                .body("errors[0].field", equalTo("to")).body("errors[0].code", equalTo("UNKNOWN_STATUS"));
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("to", "SERVED"))
                .post("/api/v1/operator/bookings/{id}/transitions", booking).then().statusCode(200).body("status", equalTo("SERVED"));
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("to", "NO_SHOW"))
                .post("/api/v1/operator/bookings/{id}/transitions", booking).then().statusCode(409)
                .body("code", equalTo("BOOKING_NOT_ACTIVE")).body("bookingStatus", equalTo("SERVED"));
        given().auth().oauth2(token).post("/api/v1/bookings/{id}/cancel", booking).then().statusCode(409)
                .body("code", equalTo("BOOKING_NOT_ACTIVE"));
        assertThat(db.count("select count(*) from audit_event where subject = ? and event_type = 'BOOKING_VISIT_MARKED' "
                + "and outcome = 'SERVED'", "booking:" + booking)).isEqualTo(1);

        String other = book(accessToken(newCitizen()), centre, at(day, "09:00"), null).then().statusCode(201).extract().path("id");
        assertThat(operatorMark(operator, other, "NO_SHOW")).contains("\"status\":\"NO_SHOW\"");
    }

    @Test
    void aRegistrationPointsOperatorSeesNoVisitsAndTheDayMustBeNamed() {
        book(accessToken(newCitizen()), centre, at(day, "09:00"), null).then().statusCode(201);
        given().auth().oauth2(operatorToken("AST-01")).queryParam("date", day.toString()).get("/api/v1/operator/bookings").then()
                .statusCode(200).body("$", empty());
        invalid().auth().oauth2(operatorToken(centre)).get("/api/v1/operator/bookings").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("date"));
        given().contentType(ContentType.JSON).body(Map.of("pointId", "TSON-NOPE-99")).post("/api/v1/sandbox/operator-token")
                .then().statusCode(404);
    }
}
