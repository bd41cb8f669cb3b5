package kz.egov.idcard.auth.keys;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import kz.egov.idcard.auth.JwtConfig;
import kz.egov.idcard.auth.TokenIssuer;
import kz.egov.idcard.operator.OperatorsConfig;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Each trusted issuer grants one role and nothing else: our own tokens make a citizen, the
 * operators' identity provider makes an operator of the point in its {@code point_id} claim. A
 * token of any other issuer, or an operator token without a point, is not accepted; a role claimed
 * in a token of the wrong issuer is dropped.
 */
@ApplicationScoped
public class TokenIssuers implements SecurityIdentityAugmentor {

    public static final String OPERATOR_ROLE = "operator";
    public static final String POINT_CLAIM = "point_id";

    private final JwtConfig citizens;
    private final OperatorsConfig operators;

    public TokenIssuers(JwtConfig citizens, OperatorsConfig operators) {
        this.citizens = citizens;
        this.operators = operators;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        String issuer = token.getIssuer();
        String role;
        if (citizens.issuer().equals(issuer)) {
            role = token.getGroups().contains(TokenIssuer.CITIZEN_ROLE) ? TokenIssuer.CITIZEN_ROLE : null;
        } else if (operators.issuer().equals(issuer)) {
            Object point = token.getClaim(POINT_CLAIM);
            if (point == null || point.toString().isBlank()) {
                return Uni.createFrom().failure(new AuthenticationFailedException("operator token without point_id"));
            }
            role = token.getGroups().contains(OPERATOR_ROLE) ? OPERATOR_ROLE : null;
        } else {
            return Uni.createFrom().failure(new AuthenticationFailedException("untrusted issuer"));
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .setAnonymous(false);
        if (role != null) {
            builder.addRoles(Set.of(role));
        }
        return Uni.createFrom().item(builder.build());
    }
}
