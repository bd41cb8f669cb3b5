package kz.egov.idcard.common.error;

/**
 * Stable machine codes of every problem the API answers with. Clients switch on these, so a
 * code is never renamed; its localised title and detail live in {@code i18n/messages_*.properties}.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400),
    MALFORMED_JSON(400),
    MALFORMED_REQUEST(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    CONFLICT(409),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    TOO_MANY_REQUESTS(429),
    INTERNAL_ERROR(500),
    SERVICE_UNAVAILABLE(503),

    PHONE_NOT_REGISTERED(422),
    CITIZEN_NOT_FOUND(404),
    OTP_RESEND_COOLDOWN(429),
    OTP_RATE_LIMITED(429),
    OTP_CHALLENGE_NOT_FOUND(404),
    OTP_INVALID(400),
    OTP_EXPIRED(410),
    OTP_LOCKED(410),
    OTP_ALREADY_USED(410),
    REFRESH_TOKEN_INVALID(401),
    REFRESH_TOKEN_REUSED(401),
    REFRESH_TOKEN_EXPIRED(401),

    DEVICE_KEY_INVALID(400),
    DEVICE_ALREADY_ENROLLED(409),
    DEVICE_LIMIT_REACHED(409),
    DEVICE_NOT_FOUND(404),

    SANDBOX_CITIZEN_EXISTS(409),
    SANDBOX_PHONE_TAKEN(409),
    IMAGE_INVALID(400),

    REGISTRY_UNAVAILABLE(503),
    SMS_UNAVAILABLE(503),
    DATABASE_UNAVAILABLE(503);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
