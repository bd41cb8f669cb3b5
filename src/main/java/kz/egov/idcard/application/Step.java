package kz.egov.idcard.application;

/** The steps a draft goes through; which ones and in which order depends on the {@link Channel}. */
public enum Step {
    BIOMETRICS,
    QUESTIONNAIRE,
    SIGNATURE,
    PAYMENT,
    CONFIRMATION
}
