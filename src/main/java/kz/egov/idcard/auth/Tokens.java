package kz.egov.idcard.auth;

/** What a successful login or refresh hands the app. */
public record Tokens(String accessToken, String refreshToken, long expiresIn, long refreshExpiresIn) {
}
