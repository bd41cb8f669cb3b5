package kz.egov.idcard.fees;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import kz.egov.idcard.support.ApiTest;
import kz.egov.idcard.support.Db;
import org.junit.jupiter.api.Test;

/**
 * Reference data is published, not deployed: the MRP of a year and a year's official working-day
 * calendar, by an admin only, validated (a bad one changes nothing), audited, in effect at once;
 * and what is missing is reported where operators look.
 */
@QuarkusTest
class ReferenceDataAdminTest extends ApiTest {

    @Inject
    Db db;

    static String adminToken() {
        return given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/sandbox/admin-token").then().statusCode(200)
                .extract().path("accessToken");
    }

    @Test
    void onlyAnAdminPublishesReferenceData() {
        Map<String, Object> citizen = newCitizen();
        String operator = given().contentType(ContentType.JSON).body(Map.of("pointId", "AST-01"))
                .post("/api/v1/sandbox/operator-token").then().extract().path("accessToken");
        Map<String, Object> body = Map.of("amount", 5000, "basis", "A law");
        given().auth().oauth2(accessToken(citizen)).contentType(ContentType.JSON).body(body).put("/api/v1/admin/mrp/2040")
                .then().statusCode(403);
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(body).put("/api/v1/admin/mrp/2040").then().statusCode(403);
        invalid().contentType(ContentType.JSON).body(body).put("/api/v1/admin/mrp/2040").then().statusCode(401);
        given().auth().oauth2(operator).get("/api/v1/admin/calendar").then().statusCode(403);
        assertThat(db.count("select count(*) from mrp where year = 2040")).isZero();
    }

    @Test
    void aPublishedMrpMakesTheStateDutyOfItsYearQuotableAtOnceAndACorrectionIsAuditedWithWhatItWas() {
        String admin = adminToken();
        given().queryParam("tier", "STANDARD").queryParam("date", "2031-03-03").get("/api/v1/fees/quote").then()
                .statusCode(409).body("code", equalTo("FEE_NOT_PUBLISHED")).body("year", equalTo(2031));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("amount", 5000.00, "basis", "Law \"On the republican budget for 2031-2033\""))
                .put("/api/v1/admin/mrp/2031").then().statusCode(200).body("year", equalTo(2031)).body("amount", equalTo(5000.00f));
        given().queryParam("tier", "STANDARD").queryParam("date", "2031-03-03").get("/api/v1/fees/quote").then()
                .statusCode(200).body("amount", equalTo(1000.00f));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("amount", 5100.50, "basis", "Corrected by law No. 2"))
                .put("/api/v1/admin/mrp/2031").then().statusCode(200);
        given().queryParam("tier", "STANDARD").queryParam("date", "2031-03-03").get("/api/v1/fees/quote").then()
                .body("amount", equalTo(1020.10f));
        given().auth().oauth2(admin).get("/api/v1/admin/mrp").then().statusCode(200)
                .body("year", hasItem(2031)).body("find { it.year == 2026 }.amount", equalTo(4325.00f));
        List<Map<String, Object>> audit = db.rows("select outcome, details from audit_event where subject = 'mrp:2031' order by id");
        assertThat(audit).extracting(row -> row.get("outcome")).containsExactly("PUBLISHED", "CORRECTED");
        assertThat(audit.get(1).get("details").toString()).contains("\"before\"").contains("5000.00").contains("5100.50");
    }

    @Test
    void anInvoiceKeepsItsAmountWhenTheMrpOfItsYearIsCorrected() {
        Map<String, Object> citizen = newCitizen();
        String token = accessToken(citizen);
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("channel", "MOBILE"))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        passFaceMatch(token, id, (String) citizen.get("iin"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("personalDataConfirmed", true,
                        "contactPhone", "+77011234567", "pickupPointId", "AST-01", "tier", "STANDARD"))
                .put("/api/v1/applications/{id}/questionnaire", id).then().statusCode(200);
        given().auth().oauth2(token).post("/api/v1/applications/{id}/payment", id).then().statusCode(201)
                .body("amount", equalTo(865.00f));
        String admin = adminToken();
        try {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("amount", 9000, "basis", "A correction"))
                    .put("/api/v1/admin/mrp/2026").then().statusCode(200);
            given().auth().oauth2(token).get("/api/v1/applications/{id}/payment", id).then().body("amount", equalTo(865.00f));
        } finally {
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("amount", 4325, "basis", "Law of the Republic of Kazakhstan \"On the republican budget for 2026-2028\""))
                    .put("/api/v1/admin/mrp/2026").then().statusCode(200);
        }
    }

    @Test
    void aBadMrpIsRefusedNamingTheFieldAndChangesNothing() {
        String admin = adminToken();
        invalid().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("amount", 0, "basis", "A law"))
                .put("/api/v1/admin/mrp/2032").then().statusCode(400).body("errors[0].field", equalTo("amount"));
        invalid().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("amount", 1.234, "basis", "A law"))
                .put("/api/v1/admin/mrp/2032").then().statusCode(400).body("errors[0].field", equalTo("amount"));
        invalid().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("amount", 4000, "basis", " "))
                .put("/api/v1/admin/mrp/2032").then().statusCode(400).body("errors[0].field", equalTo("basis"));
        invalid().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("amount", 4000, "basis", "A law"))
                .put("/api/v1/admin/mrp/1999").then().statusCode(400).body("errors[0].code", equalTo("INVALID_YEAR"));
        invalid().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("amount", 4000, "basis", "A law"))
                .put("/api/v1/admin/mrp/20x2").then().statusCode(400).body("errors[0].field", equalTo("year"));
        assertThat(db.count("select count(*) from mrp where year = 2032")).isZero();
        assertThat(db.count("select count(*) from audit_event where subject = 'mrp:2032'")).isZero();
    }

    @Test
    void aPublishedCalendarIsOfficialAndDecidesTheReadyOnDatesOfItsYearAtOnce() {
        String admin = adminToken();
        // 2031: Thursday 2 January; a transfer makes Friday 3 January off for Saturday 11 January worked.
        given().queryParam("tier", "URGENT").queryParam("date", "2031-01-02").get("/api/v1/fees/quote").then()
                .body("readyOn", equalTo("2031-01-03")).body("readyOnEstimated", equalTo(true));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of(
                        "source", "Order of the Minister of Labour No. 1 of 1 Dec 2030",
                        "holidays", List.of(Map.of("date", "2031-01-01", "name", "New Year"), Map.of("date", "2031-01-02", "name", "New Year")),
                        "transfers", List.of(Map.of("dayOff", "2031-01-03", "workingDay", "2031-01-11", "name", "Transfer"))))
                .put("/api/v1/admin/calendar/2031").then().statusCode(200)
                .body("official", equalTo(true)).body("days.date", equalTo(List.of("2031-01-01", "2031-01-02", "2031-01-03", "2031-01-11")))
                .body("days.kind", equalTo(List.of("HOLIDAY", "HOLIDAY", "DAY_OFF", "WORKING_DAY")));
        given().queryParam("tier", "URGENT").queryParam("date", "2031-01-02").get("/api/v1/fees/quote").then()
                .body("readyOn", equalTo("2031-01-06")).body("readyOnEstimated", equalTo(false));
        given().auth().oauth2(admin).get("/api/v1/admin/calendar/2031").then().statusCode(200).body("days.size()", equalTo(4));
        given().auth().oauth2(admin).get("/api/v1/admin/calendar").then().body("find { it.year == 2027 }.official", equalTo(false))
                .body("find { it.year == 2031 }.official", equalTo(true));
        assertThat(db.count("select count(*) from audit_event where subject = 'calendar:2031' and outcome = 'PUBLISHED'")).isEqualTo(1);
        given().auth().oauth2(admin).get("/api/v1/admin/calendar/2099").then().statusCode(404).body("code", equalTo("CALENDAR_NOT_FOUND"));
    }

    @Test
    void aBadCalendarIsRefusedNamingEveryWrongDayAndChangesNothing() {
        String admin = adminToken();
        invalid().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of(
                        "source", "A decree",
                        "holidays", List.of(Map.of("date", "2033-01-01", "name", "New Year"), Map.of("date", "2034-01-01", "name", "Wrong year")),
                        "daysOff", List.of(Map.of("date", "2033-01-01", "name", "Twice")),
                        "transfers", List.of(Map.of("dayOff", "2033-01-07", "name", "Half a transfer"),
                                Map.of("dayOff", "2033-01-08", "workingDay", "2033-01-10", "name", "Backwards"))))
                .put("/api/v1/admin/calendar/2033").then().statusCode(400)
                .body("errors.field", equalTo(List.of("holidays[1].date", "daysOff[0].date", "transfers[0]",
                        "transfers[1].dayOff", "transfers[1].workingDay")))
                .body("errors.code", equalTo(List.of("DATE_OUTSIDE_YEAR", "DUPLICATE_DATE", "TRANSFER_INCOMPLETE", "NOT_A_WEEKDAY",
                        "NOT_A_WEEKEND_DAY")));
        assertThat(db.count("select count(*) from calendar_year where year = 2033")).isZero();
        assertThat(db.count("select count(*) from calendar_day where day between '2033-01-01' and '2033-12-31'")).isZero();
    }

    @Test
    void whatIsMissingForThisYearAndFromNovemberTheNextIsReportedOutsideReadinessAndAsAGauge() {
        // Today (December 2026) is past 1 November: 2027's MRP and official calendar are looked for, and neither is published.
        given().get("/q/health").then().body("checks.find { it.name == 'reference-data' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'reference-data' }.data.missing", containsString("MRP 2027"))
                .body("checks.find { it.name == 'reference-data' }.data.missing", containsString("calendar 2027"));
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", not(hasItem("reference-data")));
        given().get("/q/health/live").then().statusCode(200).body("checks.name", not(hasItem("reference-data")));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("idcard_reference_data_missing{item=\"MRP 2027\"} 1.0"));
    }
}
