package kz.egov.idcard.points;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.egov.idcard.support.ApiTest;
import kz.egov.idcard.support.Db;
import org.junit.jupiter.api.Test;

/** Registration points and Public Service Centers published by an admin: offered at once, changed, deactivated, audited. */
@QuarkusTest
class PlacesAdminTest extends ApiTest {

    @Inject
    Db db;

    private static String admin() {
        return given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/sandbox/admin-token").then().statusCode(200)
                .extract().path("accessToken");
    }

    private static Map<String, Object> place(List<String> tiers, String phone) {
        Map<String, Object> place = new HashMap<>();
        place.put("regionCode", "ASTANA");
        place.put("city", Map.of("kk", "Астана", "ru", "Астана", "en", "Astana"));
        place.put("name", Map.of("kk", "Жаңа пункт", "ru", "Новый пункт", "en", "New point"));
        place.put("address", Map.of("kk", "Абай даңғылы, 1", "ru", "пр. Абая, 1", "en", "Abai Ave 1"));
        place.put("hours", List.of(Map.of("days", "MON-FRI", "opens", "09:00", "closes", "18:00")));
        if (tiers != null) {
            place.put("tiers", tiers);
        }
        if (phone != null) {
            place.put("phone", phone);
        }
        return place;
    }

    @Test
    void aPublishedPointIsOfferedAtOnceChangedAndDeactivatedWithEveryChangeAudited() {
        String admin = admin();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("id", "AST-90", "place", place(List.of("STANDARD"), null)))
                .post("/api/v1/admin/registration-points").then().statusCode(201)
                .body("id", equalTo("AST-90")).body("active", equalTo(true)).body("tiers", equalTo(List.of("STANDARD")));
        given().queryParam("region", "ASTANA").get("/api/v1/registration-points").then().body("id", hasItem("AST-90"));
        given().queryParam("pointId", "AST-90").queryParam("date", "2026-03-20").get("/api/v1/fees/quote").then()
                .body("quotes.find { it.tier == 'EXPEDITED' }.reason", equalTo("TIER_NOT_OFFERED"));

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(place(List.of("STANDARD", "EXPEDITED"), null))
                .put("/api/v1/admin/registration-points/AST-90").then().statusCode(200).body("tiers", equalTo(List.of("STANDARD", "EXPEDITED")));
        given().queryParam("pointId", "AST-90").queryParam("date", "2026-03-20").get("/api/v1/fees/quote").then()
                .body("quotes.find { it.tier == 'EXPEDITED' }.available", equalTo(true));

        given().auth().oauth2(admin).post("/api/v1/admin/registration-points/AST-90/deactivate").then().statusCode(200)
                .body("active", equalTo(false));
        given().queryParam("region", "ASTANA").get("/api/v1/registration-points").then().body("id", not(hasItem("AST-90")));
        given().queryParam("tier", "STANDARD").queryParam("pointId", "AST-90").get("/api/v1/fees/quote").then().statusCode(404);
        assertThat(db.rows("select outcome from audit_event where subject = 'registration-point:AST-90' order by id"))
                .extracting(row -> row.get("outcome")).containsExactly("CREATED", "UPDATED", "DEACTIVATED");
    }

    @Test
    void aPublicServiceCenterIsPublishedAndDeactivated() {
        String admin = admin();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("id", "TSON-AST-90", "place", place(null, "1414")))
                .post("/api/v1/admin/tson").then().statusCode(201).body("phone", equalTo("1414"));
        given().auth().oauth2(admin).post("/api/v1/admin/tson/TSON-AST-90/deactivate").then().statusCode(200).body("active", equalTo(false));
        assertThat(db.count("select count(*) from public_service_center where id = 'TSON-AST-90' and not active")).isEqualTo(1);
        given().auth().oauth2(admin).post("/api/v1/admin/tson/TSON-NOPE/deactivate").then().statusCode(404).body("code", equalTo("TSON_NOT_FOUND"));
    }

    @Test
    void aBadPlaceIsRefusedAndChangesNothing() {
        String admin = admin();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("id", "AST-01", "place", place(List.of("STANDARD"), null)))
                .post("/api/v1/admin/registration-points").then().statusCode(409).body("code", equalTo("PLACE_ALREADY_EXISTS"));
        Map<String, Object> closesFirst = place(List.of("STANDARD"), null);
        closesFirst.put("hours", List.of(Map.of("days", "MON-FRI", "opens", "18:00", "closes", "09:00")));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("id", "AST-91", "place", closesFirst))
                .post("/api/v1/admin/registration-points").then().statusCode(400).body("errors[0].code", equalTo("CLOSES_BEFORE_OPENING"));
        Map<String, Object> nowhere = place(List.of("STANDARD"), null);
        nowhere.put("regionCode", "ATLANTIS");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("id", "AST-92", "place", nowhere))
                .post("/api/v1/admin/registration-points").then().statusCode(400).body("errors[0].code", equalTo("UNKNOWN_REGION"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("id", "AST-93", "place", place(List.of(), null)))
                .post("/api/v1/admin/registration-points").then().statusCode(400).body("errors[0].field", equalTo("tiers"));
        assertThat(db.count("select count(*) from registration_point where id in ('AST-91', 'AST-92', 'AST-93')")).isZero();
        Map<String, Object> citizen = newCitizen();
        given().auth().oauth2(accessToken(citizen)).contentType(ContentType.JSON).body(place(List.of("STANDARD"), null))
                .put("/api/v1/admin/registration-points/AST-01").then().statusCode(403);
    }
}
