package kz.egov.idcard.biometrics;

import io.smallrye.mutiny.Uni;

/**
 * Compares a selfie with the reference photo of the document registry. Fails with
 * {@link MatcherUnavailableException} when it cannot answer (timeout, error, open circuit): that
 * is not the citizen's failure and uses no attempt.
 */
public interface FaceMatcher {

    /** A short name for the record of each attempt. */
    String name();

    Uni<FaceMatch> compare(Image reference, Image selfie);
}
