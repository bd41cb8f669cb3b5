package kz.egov.idcard.biometrics;

import io.smallrye.mutiny.Uni;
import kz.egov.idcard.citizen.ReferencePhoto;

/**
 * Compares a selfie with the reference photo of the document registry. Fails with
 * {@link MatcherUnavailableException} when it cannot answer (timeout, error, open circuit): that
 * is not the citizen's failure and uses no attempt.
 */
public interface FaceMatcher {

    /** A short name for the record of each attempt. */
    String name();

    /**
     * The reference is the registry's photo as it came (its media type recognised from its bytes);
     * the selfie has been decoded and checked.
     */
    Uni<FaceMatch> compare(ReferencePhoto reference, Image selfie);
}
