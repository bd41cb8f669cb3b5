package kz.egov.idcard.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import kz.egov.idcard.common.security.Roles;

/**
 * Each trusted issuer grants one role and nothing else: our own tokens make a citizen, the
 * operators' identity provider makes an operator of the point in its {@code point_id} claim, or an
 * admin (role {@code admin}: reference data). A token of any other issuer, or an operator token
 * without a point, is not accepted; a role claimed in a token of the wrong issuer is dropped.
 */
@ApplicationScoped
public class TokenTrust implements SecurityIdentityAugmentor {


    private final JwtConfig citizens;
    private final OperatorsConfig operators;

    public TokenTrust(JwtConfig citizens, OperatorsConfig operators) {
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
            role = token.getGroups().contains(Roles.CITIZEN) ? Roles.CITIZEN : null;
        } else if (operators.issuer().equals(issuer) && token.getGroups().contains(Roles.ADMIN)) {
            // The people who run the service publish reference data; an admin token is for nothing else.
            role = Roles.ADMIN;
        } else if (operators.issuer().equals(issuer)) {
            Object point = token.getClaim(Roles.POINT_CLAIM);
            if (point == null || point.toString().isBlank()) {
                return Uni.createFrom().failure(new AuthenticationFailedException("operator token without point_id"));
            }
            role = token.getGroups().contains(Roles.OPERATOR) ? Roles.OPERATOR : null;
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
