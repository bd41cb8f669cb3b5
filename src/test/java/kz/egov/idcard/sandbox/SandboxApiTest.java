package kz.egov.idcard.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.egov.idcard.citizen.Iin;
import kz.egov.idcard.common.time.ClockProducer;
import kz.egov.idcard.support.ApiTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SandboxApiTest extends ApiTest {

    @Test
    void aCitizenWithoutIinOrPhotoGetsAValidIinMatchingTheBirthDateAndAPortrait() {
        Map<String, Object> body = citizen(newPhone());
        body.put("birthDate", "1987-04-17");
        Map<String, Object> created = given().contentType(ContentType.JSON).body(body).post("/api/v1/sandbox/citizens")
                .then().statusCode(201)
                .body("birthDate", equalTo("1987-04-17"))
                .body("idCard.expiresOn", equalTo("2026-12-15"))
                .body("idCard.issuedOn", equalTo("2016-12-15"))
                .extract().jsonPath().getMap("");
        String iin = (String) created.get("iin");
        assertThat(Iin.isValid(iin)).isTrue();
        assertThat(Iin.birthDate(iin)).contains(LocalDate.of(1987, 4, 17));

        byte[] photo = given().get("/api/v1/sandbox/citizens/{iin}/reference-photo", iin).then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        assertThat(photo).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void generatedPortraitsDifferFromCitizenToCitizen() {
        String first = (String) newCitizen().get("iin");
        String second = (String) newCitizen().get("iin");
        byte[] a = given().get("/api/v1/sandbox/citizens/{iin}/reference-photo", first).asByteArray();
        byte[] b = given().get("/api/v1/sandbox/citizens/{iin}/reference-photo", second).asByteArray();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void aGivenIinAndPhotoAreKept() {
        String iin = Iin.generate(LocalDate.of(1975, 2, 3), true, RANDOM);
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1};
        Map<String, Object> body = citizen(newPhone());
        body.put("iin", iin);
        body.put("referencePhoto", Base64.getEncoder().encodeToString(jpeg));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/sandbox/citizens").then().statusCode(201)
                .body("iin", equalTo(iin)).body("birthDate", equalTo("1975-02-03"));
        byte[] stored = given().get("/api/v1/sandbox/citizens/{iin}/reference-photo", iin).then().statusCode(200)
                .contentType("image/jpeg").extract().asByteArray();
        assertThat(stored).isEqualTo(jpeg);
    }

    @Test
    void theSameIinOrPhoneCannotBeRegisteredTwice() {
        Map<String, Object> first = newCitizen();
        Map<String, Object> sameIin = citizen(newPhone());
        sameIin.put("iin", first.get("iin"));
        given().contentType(ContentType.JSON).body(sameIin).post("/api/v1/sandbox/citizens").then().statusCode(409)
                .body("code", equalTo("SANDBOX_CITIZEN_EXISTS"));
        given().contentType(ContentType.JSON).body(citizen((String) first.get("phone"))).post("/api/v1/sandbox/citizens")
                .then().statusCode(409).body("code", equalTo("SANDBOX_PHONE_TAKEN"));
    }

    @Test
    void badInputNamesTheFieldAndCreatesNothing() {
        String phone = newPhone();
        Map<String, Object> body = citizen(phone);
        body.put("referencePhoto", Base64.getEncoder().encodeToString("plain text".getBytes()));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/sandbox/citizens").then().statusCode(400)
                .body("errors[0].field", equalTo("referencePhoto")).body("errors[0].code", equalTo("NOT_AN_IMAGE"));

        body = citizen(phone);
        body.put("iin", "900101300018");
        body.put("idCard", Map.of("expiresOn", "2026-12-15", "number", "12ab"));
        invalid().contentType(ContentType.JSON).body(body).post("/api/v1/sandbox/citizens").then().statusCode(400)
                .body("errors.field", equalTo(List.of("idCard.number", "iin")));

        body = citizen(phone);
        body.put("iin", "900101300017");
        body.put("birthDate", "1991-01-01");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/sandbox/citizens").then().statusCode(400)
                .body("errors[0].code", equalTo("BIRTH_DATE_MISMATCH"));

        given().contentType(ContentType.JSON).body(citizen(phone)).post("/api/v1/sandbox/citizens").then().statusCode(201);
    }

    @Test
    void personasCoverEachPathAndTheirCardsMoveWithToday() {
        LocalDate today = LocalDate.now(ClockProducer.ZONE);
        given().get("/api/v1/sandbox/personas").then().statusCode(200)
                .body("persona", hasItems("ELIGIBLE", "WINDOW_OPENS_TODAY", "WINDOW_CLOSES_TODAY", "TOO_EARLY", "TOO_LATE",
                        "FACE_MISMATCH", "PHONE_NOT_REGISTERED"))
                .body("find { it.persona == 'WINDOW_OPENS_TODAY' }.cardExpiresOn", equalTo(today.plusDays(30).toString()))
                .body("find { it.persona == 'WINDOW_CLOSES_TODAY' }.cardExpiresOn", equalTo(today.minusDays(10).toString()));
    }

    @Test
    void aPersonaCanLogIn() {
        String phone = "+77010000001";
        String challenge = requestCode("900101300017", phone).then().statusCode(201).extract().path("challengeId");
        verify(challenge, lastCode(phone)).then().statusCode(200);
    }

    @Test
    void theSmsOutboxNeedsAValidPhone() {
        invalid().get("/api/v1/sandbox/sms").then().statusCode(400).body("errors[0].field", equalTo("phone"));
        invalid().queryParam("phone", "12345").get("/api/v1/sandbox/sms").then().statusCode(400);
        given().queryParam("phone", newPhone()).get("/api/v1/sandbox/sms").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void anUnknownCitizenHasNoPhoto() {
        given().get("/api/v1/sandbox/citizens/{iin}/reference-photo", "010916500341").then().statusCode(404)
                .body("code", equalTo("CITIZEN_NOT_FOUND"));
        invalid().get("/api/v1/sandbox/citizens/{iin}/reference-photo", "abc").then().statusCode(404);
    }

    private static Map<String, Object> citizen(String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("phone", phone);
        body.put("lastName", "Жумабаев");
        body.put("firstName", "Арман");
        body.put("idCard", Map.of("expiresOn", "2026-12-15"));
        return body;
    }
}
