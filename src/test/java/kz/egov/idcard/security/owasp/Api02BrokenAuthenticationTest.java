package kz.egov.idcard.security.owasp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import kz.egov.idcard.auth.JwtConfig;
import kz.egov.idcard.auth.AuthKeys;
import kz.egov.idcard.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OWASP API2:2023, broken authentication. Every way of presenting a token we did not issue, or no
 * longer honour, is a 401 problem: alg none, HS256 keyed with our public key, expired, another
 * issuer or audience, tampered, another key; a refresh token is not an access token. (Codes: three
 * attempts even in parallel, ExactlyOnceTest; limits per phone and IIN, LoginApiTest; a forged
 * operator role, OperatorApiTest and Api05.)
 */
@QuarkusTest
class Api02BrokenAuthenticationTest extends ApiTest {

    @Inject
    AuthKeys keys;

    @Inject
    JwtConfig config;

    private String iin;

    @BeforeEach
    void citizen() {
        iin = (String) newCitizen().get("iin");
    }

    private JwtClaimsBuilder claims() {
        Instant now = Instant.now();
        return Jwt.issuer(config.issuer()).audience(config.audience()).subject(iin).upn(iin).groups("citizen")
                .claim("phone", "+77010000001").issuedAt(now).expiresAt(now.plusSeconds(600));
    }

    private String signed(JwtClaimsBuilder claims) {
        return claims.jws().algorithm(SignatureAlgorithm.ES256).sign(keys.tokenSigningKey());
    }

    @Test
    void aTokenWeSignedIsAccepted() {
        given().auth().oauth2(signed(claims())).get("/api/v1/me").then().statusCode(200).body("iin", equalTo(iin));
    }

    @Test
    void noTokenIsUnauthorizedWithABearerChallenge() {
        invalid().get("/api/v1/me").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json")
                .body("code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void garbageIsUnauthorized() {
        assertUnauthorized("not.a.jwt");
    }

    @Test
    void algNoneIsRefused() {
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = base64Url("{\"iss\":\"" + config.issuer() + "\",\"aud\":\"" + config.audience() + "\",\"sub\":\"" + iin
                + "\",\"upn\":\"" + iin + "\",\"groups\":[\"citizen\"],\"iat\":" + Instant.now().getEpochSecond()
                + ",\"exp\":" + Instant.now().plusSeconds(600).getEpochSecond() + "}");
        assertUnauthorized(header + "." + payload + ".");
    }

    @Test
    void hs256SignedWithOurPublicKeyIsRefused() {
        String forged = claims().jws().algorithm(SignatureAlgorithm.HS256)
                .sign(new SecretKeySpec(keys.tokenVerificationKey().getEncoded(), "HmacSHA256"));
        assertUnauthorized(forged);
    }

    @Test
    void anExpiredTokenIsRefused() {
        Instant past = Instant.now().minusSeconds(3600);
        assertUnauthorized(signed(claims().issuedAt(past.minusSeconds(900)).expiresAt(past)));
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        assertUnauthorized(signed(claims().issuer("https://evil.example")));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertUnauthorized(signed(claims().audience("some-other-app")));
    }

    @Test
    void aTamperedTokenIsRefused() {
        String[] parts = signed(claims()).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(iin, "900101300017");
        assertUnauthorized(parts[0] + "." + base64Url(payload) + "." + parts[2]);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        assertUnauthorized(claims().jws().algorithm(SignatureAlgorithm.ES256).sign(p256().getPrivate()));
    }

    @Test
    void aValidTokenWithoutTheCitizenRoleIsForbidden() {
        given().auth().oauth2(signed(claims().groups("operator"))).get("/api/v1/me").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void aTokenForACitizenTheRegistryDoesNotKnowFindsNobody() {
        iin = "900101300017";
        given().auth().oauth2(signed(claims().subject("010916500341").upn("010916500341")))
                .get("/api/v1/me").then().statusCode(404).body("code", equalTo("CITIZEN_NOT_FOUND"));
    }

    private static void assertUnauthorized(String token) {
        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(401)
                .body("code", equalTo("UNAUTHORIZED"));
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }


    @Test
    void aRefreshTokenIsNotAnAccessToken() {
        Map<String, Object> citizen = newCitizen();
        Map<String, Object> tokens = login((String) citizen.get("iin"), (String) citizen.get("phone"));
        assertUnauthorized((String) tokens.get("refreshToken"));
    }

    @Test
    void anOperatorRoleClaimedUnderTheCitizenIssuerIsNotHonoured() {
        String forged = signed(claims().groups(java.util.Set.of("citizen", "operator")).claim("point_id", "AST-01"));
        given().auth().oauth2(forged).get("/api/v1/operator/applications").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }
}
