package kz.egov.idcard.points;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import kz.egov.idcard.support.ApiTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegistrationPointsApiTest extends ApiTest {

    @Test
    void listsActivePointsAcrossTheCountryWithHoursAndTiers() {
        given().get("/api/v1/registration-points").then().statusCode(200)
                .body("size()", greaterThanOrEqualTo(20))
                .body("region", hasItems("ASTANA", "ALMATY_CITY", "SHYMKENT", "ULYTAU"))
                .body("id", not(hasItem("ALA-04")))
                .body("find { it.id == 'AST-01' }.tiers", equalTo(List.of("STANDARD", "EXPEDITED", "URGENT")))
                .body("find { it.id == 'AKM-01' }.tiers", equalTo(List.of("STANDARD")))
                .body("find { it.id == 'AST-01' }.hours[0].days", equalTo("MON-FRI"));
    }

    @Test
    void filtersByRegion() {
        given().queryParam("region", "SHYMKENT").get("/api/v1/registration-points").then().statusCode(200)
                .body("size()", greaterThanOrEqualTo(2)).body("region", everyItem(equalTo("SHYMKENT")));
    }

    @Test
    void anUnknownRegionIsAValidationProblem() {
        given().queryParam("region", "ATLANTIS").get("/api/v1/registration-points").then().statusCode(400)
                .body("errors[0].field", equalTo("region")).body("errors[0].code", equalTo("UNKNOWN_REGION"));
    }

    @Test
    void namesFollowTheCallersLanguage() {
        given().header("Accept-Language", "en").queryParam("region", "ASTANA").get("/api/v1/registration-points").then()
                .body("[0].city", equalTo("Astana"));
        given().header("Accept-Language", "kk").get("/api/v1/regions").then()
                .body("find { it.code == 'ALMATY_CITY' }.name", equalTo("Алматы қаласы"));
        given().get("/api/v1/regions").then().statusCode(200).body("size()", equalTo(20));
    }
}
