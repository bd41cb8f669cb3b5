package kz.egov.idcard.common;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.egov.idcard.support.RegistryStubs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service as production runs it: configured keys, real HTTP adapters (here against local
 * stubs), and no sandbox: neither its endpoints nor their entries in the served contract.
 */
@QuarkusTest
@TestProfile(ProductionProfileTest.Production.class)
@QuarkusTestResource(RegistryStubs.class)
public class ProductionProfileTest {

    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                KeyPair pair = generator.generateKeyPair();
                Base64.Encoder base64 = Base64.getEncoder();
                byte[] otpKey = new byte[32];
                new SecureRandom().nextBytes(otpKey);
                byte[] biometricKey = new byte[32];
                new SecureRandom().nextBytes(biometricKey);
                return Map.ofEntries(
                        Map.entry("idcard.sandbox.enabled", "false"),
                        Map.entry("idcard.eds.trust", "configured"),
                        Map.entry("idcard.secrets.fallback", "none"),
                        Map.entry("idcard.biometrics.matcher", "http"),
                        Map.entry("idcard.biometrics.keys.k1", base64.encodeToString(biometricKey)),
                        Map.entry("idcard.biometrics.active-key", "k1"),
                        Map.entry("idcard.payments.gateway", "http"),
                        Map.entry("idcard.operators.public-key", base64.encodeToString(pair.getPublic().getEncoded())),
                        Map.entry("idcard.payments.hmac-secret", base64.encodeToString(biometricKey)),
                        Map.entry("idcard.adapters.mobile-citizens", "http"),
                        Map.entry("idcard.adapters.id-documents", "http"),
                        Map.entry("idcard.adapters.sms", "http"),
                        Map.entry("idcard.adapters.push", "http"),
                        Map.entry("idcard.jwt.private-key", base64.encodeToString(pair.getPrivate().getEncoded())),
                        Map.entry("idcard.jwt.public-key", base64.encodeToString(pair.getPublic().getEncoded())),
                        Map.entry("idcard.otp.hash-key", base64.encodeToString(otpKey)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @BeforeEach
    void reset() {
        RegistryStubs.server.resetAll();
    }

    @Test
    void loginGoesThroughTheRealMobileCitizensDatabaseAndSmsGateway() {
        RegistryStubs.server.stubFor(post(urlEqualTo("/v1/subscribers/verify"))
                .withRequestBody(matchingJsonPath("$.iin", com.github.tomakehurst.wiremock.client.WireMock.equalTo("900101300017")))
                .willReturn(okJson("{\"registered\": true}")));
        RegistryStubs.server.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(202)));

        String challenge = given().contentType(ContentType.JSON).body(Map.of("iin", "900101300017", "phone", "+77010000001"))
                .post("/api/v1/auth/otp").then().statusCode(201).extract().path("challengeId");
        List<LoggedRequest> sent = RegistryStubs.server.findAll(postRequestedFor(urlEqualTo("/v1/messages")));
        Matcher code = Pattern.compile("(?<![0-9])[0-9]{6}(?![0-9])").matcher(sent.get(0).getBodyAsString());
        code.find();
        given().contentType(ContentType.JSON).body(Map.of("code", code.group()))
                .post("/api/v1/auth/otp/{id}/verify", challenge).then().statusCode(200);
    }

    @Test
    void aGatewayThatDoesNotTakeTheSmsIsA503AndStartsNoCooldown() {
        RegistryStubs.server.stubFor(post(urlEqualTo("/v1/subscribers/verify")).willReturn(okJson("{\"registered\": true}")));
        RegistryStubs.server.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(500)));
        Map<String, String> body = Map.of("iin", "850525401233", "phone", "+77010000002");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/auth/otp").then().statusCode(503)
                .header("Retry-After", equalTo("30")).body("code", equalTo("SMS_UNAVAILABLE"));

        RegistryStubs.server.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(202)));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/auth/otp").then().statusCode(201);
    }

    @Test
    void aRegistryOutageIsA503WithRetryAfter() {
        RegistryStubs.server.stubFor(post(urlEqualTo("/v1/subscribers/verify")).willReturn(aResponse().withStatus(502)));
        given().contentType(ContentType.JSON).body(Map.of("iin", "881112304561", "phone", "+77010000003"))
                .post("/api/v1/auth/otp").then().statusCode(503).header("Retry-After", equalTo("10"))
                .body("code", equalTo("REGISTRY_UNAVAILABLE"));
    }
}
