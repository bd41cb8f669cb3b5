package kz.egov.idcard.device;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import kz.egov.idcard.support.ApiTest;
import kz.egov.idcard.support.Db;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeviceApiTest extends ApiTest {

    @Inject
    Db db;

    private String iin;
    private String token;

    @BeforeEach
    void loggedIn() {
        Map<String, Object> citizen = newCitizen();
        iin = (String) citizen.get("iin");
        token = accessToken(citizen);
    }

    @Test
    void enrolsListsAndRemovesAPhoneKey() {
        String key = p256Key();
        String id = enrol(token, key).then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/devices/[0-9a-f-]{36}"))
                .body("platform", equalTo("IOS")).body("name", equalTo("iPhone 15"))
                .body("fingerprint", matchesPattern("[0-9a-f]{64}"))
                .extract().path("id");
        given().auth().oauth2(token).get("/api/v1/devices").then().statusCode(200)
                .body("", hasSize(1)).body("[0].id", equalTo(id));

        given().auth().oauth2(token).delete("/api/v1/devices/{id}", id).then().statusCode(204);
        given().auth().oauth2(token).get("/api/v1/devices").then().body("", hasSize(0));
        given().auth().oauth2(token).delete("/api/v1/devices/{id}", id).then().statusCode(404)
                .body("code", equalTo("DEVICE_NOT_FOUND"));
        assertThat(db.rows("select event_type from audit_event where actor = ? and subject = ? order by id", iin, "device:" + id))
                .extracting(row -> row.get("event_type")).containsExactly("DEVICE_ENROLLED", "DEVICE_REMOVED");
    }

    @Test
    void refusesKeysThatAreNotP256() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new ECGenParameterSpec("secp384r1"));
        for (String bad : new String[] {
                Base64.getEncoder().encodeToString(rsa.generateKeyPair().getPublic().getEncoded()),
                Base64.getEncoder().encodeToString(p384.generateKeyPair().getPublic().getEncoded()),
                "not base64 !!!",
                Base64.getEncoder().encodeToString("hello".getBytes()),
                offCurve()}) {
            enrol(token, bad).then().statusCode(400).body("code", equalTo("DEVICE_KEY_INVALID"));
        }
        given().auth().oauth2(token).get("/api/v1/devices").then().body("", hasSize(0));
    }

    @Test
    void theSameKeyIsEnrolledOnce() {
        String key = p256Key();
        enrol(token, key).then().statusCode(201);
        enrol(token, key).then().statusCode(409).body("code", equalTo("DEVICE_ALREADY_ENROLLED"));
    }

    @Test
    void aCitizenHasAtMostFiveDevices() {
        for (int i = 0; i < 5; i++) {
            enrol(token, p256Key()).then().statusCode(201);
        }
        enrol(token, p256Key()).then().statusCode(409).body("code", equalTo("DEVICE_LIMIT_REACHED"))
                .body("detail", org.hamcrest.Matchers.containsString("5"));
    }

    @Test
    void anotherCitizensDeviceDoesNotExistForTheCaller() {
        String id = enrol(token, p256Key()).then().statusCode(201).extract().path("id");
        String otherToken = accessToken(newCitizen());
        given().auth().oauth2(otherToken).delete("/api/v1/devices/{id}", id).then().statusCode(404);
        given().auth().oauth2(otherToken).get("/api/v1/devices").then().body("", hasSize(0));
        given().auth().oauth2(token).get("/api/v1/devices").then().body("", hasSize(1));
    }

    @Test
    void missingFieldsAreNamed() {
        invalid().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("platform", "WINDOWS_PHONE"))
                .post("/api/v1/devices").then().statusCode(400).body("errors[0].field", equalTo("platform"));
        invalid().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/devices").then().statusCode(400)
                .body("errors.field", equalTo(java.util.List.of("name", "platform", "publicKey")));
    }

    @Test
    void devicesNeedALogin() {
        invalid().get("/api/v1/devices").then().statusCode(401);
        enrol("bogus", p256Key()).then().statusCode(401);
    }

    private static io.restassured.response.Response enrol(String token, String key) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("publicKey", key, "platform", "IOS", "name", "iPhone 15"))
                .post("/api/v1/devices");
    }

    static String p256Key() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A P-256 SPKI whose point's y is nudged off the curve (an invalid-curve attack's key). */
    private static String offCurve() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        ECPublicKey key = (ECPublicKey) generator.generateKeyPair().getPublic();
        byte[] der = key.getEncoded();
        // The uncompressed point is the last 65 bytes: 0x04 || X || Y. Change Y's last byte.
        der[der.length - 1] ^= 0x01;
        BigInteger ignored = key.getW().getAffineY();
        return Base64.getEncoder().encodeToString(der);
    }
}
