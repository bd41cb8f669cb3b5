package kz.egov.idcard.biometrics;

/**
 * A face matcher's verdict on a selfie against the registry photo.
 *
 * @param decision what the matcher decided, with the configured thresholds applied
 * @param score similarity from 0 (nothing alike) to 1 (the same)
 * @param quality whether the selfie was good enough to judge
 */
public record FaceMatch(Decision decision, double score, Quality quality) {

    public enum Decision {
        MATCH,
        NO_MATCH,
        /** The face cannot be processed at all (docs/product.md R6): the citizen is sent to a Public Service Center at once. */
        CANNOT_PROCESS
    }

    public enum Quality {
        GOOD,
        POOR,
        UNUSABLE
    }
}
