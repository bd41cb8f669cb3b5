package kz.egov.idcard.biometrics;

/** The face matcher could not answer; the citizen should try again later. */
public class MatcherUnavailableException extends RuntimeException {

    public MatcherUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
