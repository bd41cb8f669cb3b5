package kz.egov.idcard.common.security;

/**
 * The names tokens carry: the role each trusted issuer grants and the claims the API reads. Every
 * feature checks them; only {@code auth} issues and trusts tokens (auth/TokenIssuer, auth/TokenTrust).
 */
public final class Roles {

    /** A citizen logged in with Digital ID (our own tokens). */
    public static final String CITIZEN = "citizen";
    /** An operator of a registration point (tokens of the operators' identity provider). */
    public static final String OPERATOR = "operator";
    /** One of the people who run the service: publishes reference data (tokens of the operators' identity provider). */
    public static final String ADMIN = "admin";

    /** The login session a citizen's access token belongs to. */
    public static final String SESSION_CLAIM = "sid";
    /** The phone the citizen logged in with (E.164). */
    public static final String PHONE_CLAIM = "phone";
    /** The registration point an operator works at. */
    public static final String POINT_CLAIM = "point_id";
    /** A citizen's access token: when the login session began (OpenID Connect's claim), in epoch seconds. */
    public static final String AUTH_TIME_CLAIM = "auth_time";

    private Roles() {
    }
}
