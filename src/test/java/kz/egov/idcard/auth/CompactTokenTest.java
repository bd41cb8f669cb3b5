package kz.egov.idcard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** Every claim of a verified token reads back from its compact copy as from the parser's principal. */
class CompactTokenTest {

    @Test
    void answersEveryClaimAsTheParsersPrincipalDoes() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        String token = Jwt.issuer("https://idcard.egov.kz").audience(Set.of("egov-mobile", "portal")).subject("900101300017")
                .upn("900101300017").groups(Set.of("citizen")).claim("sid", "bd6f2c31-2e84-4ec1-a393-76e0aa60dff7")
                .claim("phone", "+77010000001").claim("auth_time", 1796174758L).claim("point_id", "ASTANA-01")
                .claim("amr", List.of("otp", "face")).claim("cnf", Map.of("jkt", "abc"))
                .expiresIn(900).jws().algorithm(SignatureAlgorithm.ES256).sign(keys.getPrivate());
        JWTAuthContextInfo context = new JWTAuthContextInfo(keys.getPublic(), "https://idcard.egov.kz");
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.ES256));
        JsonWebToken parsed = new DefaultJWTParser(context).parse(token);

        JsonWebToken compact = CompactToken.of(parsed);

        assertEquals(parsed.getClaimNames(), compact.getClaimNames());
        for (String name : parsed.getClaimNames()) {
            assertEquals(parsed.<Object>getClaim(name), compact.<Object>getClaim(name), name);
        }
        assertSame(token, compact.getRawToken());
        assertEquals(token, compact.getClaim(Claims.raw_token));
        assertEquals(parsed.getName(), compact.getName());
        assertEquals(parsed.getSubject(), compact.getSubject());
        assertEquals(parsed.getIssuer(), compact.getIssuer());
        assertEquals(parsed.getGroups(), compact.getGroups());
        assertEquals(parsed.getAudience(), compact.getAudience());
        assertEquals(parsed.getExpirationTime(), compact.getExpirationTime());
        assertEquals(parsed.getIssuedAtTime(), compact.getIssuedAtTime());
        assertEquals(parsed.getTokenID(), compact.getTokenID());
        assertEquals(1796174758L, ((Number) compact.getClaim("auth_time")).longValue());
        assertNull(compact.getClaim("nope"));
    }
}
