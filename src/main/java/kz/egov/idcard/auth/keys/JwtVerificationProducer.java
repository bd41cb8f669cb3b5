package kz.egov.idcard.auth.keys;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.util.Set;
import kz.egov.idcard.auth.JwtConfig;

/**
 * Verification of bearer tokens with the key {@link ServiceKeys} holds, which in the sandbox is
 * only known once the database has been read; so it replaces the configuration-built context.
 */
@ApplicationScoped
public class JwtVerificationProducer {

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    JWTAuthContextInfo contextInfo(ServiceKeys keys, JwtConfig config) {
        JWTAuthContextInfo info = new JWTAuthContextInfo(keys.tokenVerificationKey(), config.issuer());
        info.setExpectedAudience(Set.of(config.audience()));
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.ES256));
        info.setAlwaysCheckAuthorization(true);
        info.setRequiredClaims(Set.of("sub", "exp", "iat", "iss", "aud"));
        return info;
    }
}
