package kz.egov.idcard.audit;

/** The kinds of security event the audit log records. */
public enum AuditType {
    OTP_SENT,
    OTP_REFUSED,
    OTP_SEND_FAILED,
    OTP_VERIFY_FAILED,
    OTP_LOCKED,
    LOGIN,
    TOKEN_REFRESHED,
    REFRESH_TOKEN_REUSE,
    LOGOUT,
    DEVICE_ENROLLED,
    DEVICE_REMOVED,
    APPLICATION_CREATED,
    APPLICATION_CANCELLED,
    APPLICATION_REDIRECTED,
    BIOMETRIC_ATTEMPT
}
