package kz.egov.idcard.fees;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import kz.egov.idcard.support.ApiTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Fees per year and ready-on dates across the holidays of Kazakhstan's published calendars. */
@QuarkusTest
class FeeQuoteApiTest extends ApiTest {

    @ParameterizedTest(name = "{0} on {1} is ready on {2}")
    @CsvSource({
            // Nauryz 2026: Saturday 21 to Monday 23 March, with Tuesday 24 and Wednesday 25 off in lieu.
            "URGENT, 2026-03-20, 2026-03-26",
            "EXPEDITED, 2026-03-20, 2026-03-30",
            "STANDARD, 2026-03-20, 2026-04-15",
            // May 2026: Friday 1 May, Thursday 7 May, and Monday 11 May off for Victory Day on a Saturday.
            "URGENT, 2026-04-30, 2026-05-04",
            "EXPEDITED, 2026-05-06, 2026-05-13",
            // Kurban Ait 2026: Wednesday 27 May.
            "URGENT, 2026-05-26, 2026-05-28",
            // Independence Day, Wednesday 16 December 2026.
            "URGENT, 2026-12-15, 2026-12-17",
            // New Year 2027: 1 January a Friday, 2 January a Saturday moved to Monday 4 January.
            "URGENT, 2026-12-31, 2027-01-05",
            // New Year 2025: Friday 3 January off, Sunday 5 January worked by transfer.
            "URGENT, 2025-01-02, 2025-01-05",
            // An ordinary week.
            "EXPEDITED, 2026-11-02, 2026-11-05"})
    void readyOnIsTheTiersWorkingDaysAfterTheDate(String tier, String date, String readyOn) {
        given().queryParam("tier", tier).queryParam("date", date).get("/api/v1/fees/quote").then().statusCode(200)
                .body("readyOn", equalTo(readyOn)).body("date", equalTo(date));
    }

    @Test
    void theStateDutyIsAShareOfThatYearsMrp() {
        given().queryParam("tier", "STANDARD").queryParam("date", "2026-06-01").get("/api/v1/fees/quote").then()
                .statusCode(200).body("amount", equalTo(865.00f)).body("currency", equalTo("KZT"))
                .body("workingDays", equalTo(15)).body("basis", equalTo("0.2 МРП 2026 года (МРП = 4325 тенге)"));
        given().queryParam("tier", "STANDARD").queryParam("date", "2025-12-31").header("Accept-Language", "en")
                .get("/api/v1/fees/quote").then()
                .statusCode(200).body("amount", equalTo(786.40f)).body("basis", equalTo("0.2 MRP of 2025 (MRP = 3932 KZT)"));
    }

    @Test
    void expeditedTiersHaveFixedFees() {
        given().queryParam("tier", "EXPEDITED").queryParam("date", "2026-06-01").get("/api/v1/fees/quote").then()
                .body("amount", equalTo(1771.00f)).body("workingDays", equalTo(3));
        given().queryParam("tier", "URGENT").queryParam("date", "2026-06-01").get("/api/v1/fees/quote").then()
                .body("amount", equalTo(3372.00f)).body("workingDays", equalTo(1));
    }

    @Test
    void aYearWithoutAPublishedMrpCannotBeQuotedForTheStateDutyButTheFixedFeesCan() {
        given().queryParam("tier", "STANDARD").queryParam("date", "2027-02-01").get("/api/v1/fees/quote").then()
                .statusCode(409).body("code", equalTo("FEE_NOT_PUBLISHED")).body("year", equalTo(2027));
        given().queryParam("tier", "EXPEDITED").queryParam("date", "2027-02-01").get("/api/v1/fees/quote").then()
                .statusCode(200).body("amount", equalTo(1771.00f)).body("readyOnEstimated", equalTo(true));
    }

    @Test
    void theDateDefaultsToToday() {
        given().queryParam("tier", "URGENT").get("/api/v1/fees/quote").then().statusCode(200)
                .body("date", equalTo(java.time.LocalDate.now(kz.egov.idcard.common.time.ClockProducer.ZONE).toString()));
    }

    @Test
    void badTiersAndImpossibleDatesAreNamed() {
        invalid().queryParam("tier", "FASTEST").queryParam("date", "2026-02-30").get("/api/v1/fees/quote").then()
                .statusCode(400).body("errors.field", equalTo(List.of("tier", "date")))
                .body("errors.code", equalTo(List.of("UNKNOWN_TIER", "INVALID_DATE")));
        invalid().get("/api/v1/fees/quote").then().statusCode(400).body("errors[0].code", equalTo("REQUIRED"));
        invalid().queryParam("tier", "URGENT").queryParam("date", "20260320").get("/api/v1/fees/quote").then().statusCode(400);
    }

    @Test
    void aPointMustOfferTheTier() {
        given().queryParam("tier", "URGENT").queryParam("pointId", "AKM-01").get("/api/v1/fees/quote").then()
                .statusCode(422).body("code", equalTo("TIER_NOT_OFFERED")).body("offeredTiers", equalTo(List.of("STANDARD")));
        given().queryParam("tier", "URGENT").queryParam("pointId", "AST-01").get("/api/v1/fees/quote").then().statusCode(200);
        given().queryParam("tier", "STANDARD").queryParam("pointId", "NOWHERE").get("/api/v1/fees/quote").then()
                .statusCode(404).body("code", equalTo("REGISTRATION_POINT_NOT_FOUND"));
        given().queryParam("tier", "STANDARD").queryParam("pointId", "ALA-04").get("/api/v1/fees/quote").then()
                .statusCode(404);
    }

    @Test
    void withoutATierEveryTierOfThePointIsQuotedAndTheCheapestRecommended() {
        given().queryParam("pointId", "AST-01").queryParam("date", "2026-03-20").get("/api/v1/fees/quote").then().statusCode(200)
                .body("pointId", equalTo("AST-01")).body("date", equalTo("2026-03-20"))
                .body("quotes.tier", equalTo(List.of("STANDARD", "EXPEDITED", "URGENT")))
                .body("quotes.available", equalTo(List.of(true, true, true)))
                .body("quotes.amount", equalTo(List.of(865.00f, 1771.00f, 3372.00f)))
                .body("quotes.readyOn", equalTo(List.of("2026-04-15", "2026-03-30", "2026-03-26")))
                .body("recommended", equalTo("STANDARD"));
    }

    @ParameterizedTest(name = "needed by {0}: {1}")
    @CsvSource({
            // Applied for on Friday 20 March 2026: URGENT ready 26 March, EXPEDITED 30 March, STANDARD 15 April.
            "2026-04-15, STANDARD",
            "2026-04-14, EXPEDITED",
            "2026-03-30, EXPEDITED",
            "2026-03-29, URGENT",
            "2026-03-26, URGENT"})
    void theRecommendationIsTheCheapestTierReadyOnOrBeforeTheDayItIsNeeded(String neededBy, String tier) {
        given().queryParam("pointId", "AST-01").queryParam("date", "2026-03-20").queryParam("neededBy", neededBy)
                .get("/api/v1/fees/quote").then().statusCode(200)
                .body("neededBy", equalTo(neededBy)).body("recommended", equalTo(tier)).body("reason", nullValue());
    }

    @Test
    void whenNoTierIsReadyInTimeNothingIsRecommendedAndTheAnswerSaysWhy() {
        given().queryParam("pointId", "AST-01").queryParam("date", "2026-03-20").queryParam("neededBy", "2026-03-25")
                .get("/api/v1/fees/quote").then().statusCode(200)
                .body("recommended", nullValue()).body("reason", equalTo("NO_TIER_READY_IN_TIME"))
                .body("quotes.size()", equalTo(3));
    }

    @Test
    void aTierThePointDoesNotOfferIsListedAsUnavailableAndNeverRecommended() {
        given().queryParam("pointId", "AKM-01").queryParam("date", "2026-03-20").queryParam("neededBy", "2026-03-31")
                .get("/api/v1/fees/quote").then().statusCode(200)
                .body("quotes.available", equalTo(List.of(true, false, false)))
                .body("quotes.reason", equalTo(java.util.Arrays.asList(null, "TIER_NOT_OFFERED", "TIER_NOT_OFFERED")))
                .body("recommended", nullValue()).body("reason", equalTo("NO_TIER_READY_IN_TIME"));
    }

    @Test
    void inAYearWithoutAPublishedMrpTheStateDutyIsUnavailableAndAFixedFeeTierRecommended() {
        given().queryParam("pointId", "AST-01").queryParam("date", "2027-02-01").get("/api/v1/fees/quote").then().statusCode(200)
                .body("quotes[0].tier", equalTo("STANDARD")).body("quotes[0].available", equalTo(false))
                .body("quotes[0].reason", equalTo("FEE_NOT_PUBLISHED")).body("quotes[0].amount", nullValue())
                .body("quotes[0].readyOnEstimated", equalTo(true))
                .body("recommended", equalTo("EXPEDITED"));
    }

    @Test
    void theCalculatorNeedsAKnownActivePointAndAGoodDate() {
        given().queryParam("pointId", "NOPE-1").get("/api/v1/fees/quote").then().statusCode(404)
                .body("code", equalTo("REGISTRATION_POINT_NOT_FOUND"));
        invalid().queryParam("pointId", "AST-01").queryParam("neededBy", "2026-02-30").get("/api/v1/fees/quote").then()
                .statusCode(400).body("errors.field", equalTo(List.of("neededBy")));
    }
}
