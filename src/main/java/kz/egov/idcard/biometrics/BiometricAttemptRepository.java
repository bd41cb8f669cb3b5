package kz.egov.idcard.biometrics;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

/** The biometric attempts' sealed selfies (table biometric_attempt). */
@ApplicationScoped
public class BiometricAttemptRepository {

    /** The citizen's misses since the instant, across all their applications, in the caller's session. */
    Uni<Long> citizenMissesSince(String iin, OffsetDateTime since) {
        return BiometricAttempt.count("applicantIin = ?1 and decision = ?2 and attemptedAt > ?3", iin, FaceMatch.Decision.NO_MATCH,
                since);
    }

    /** Erases, in a transaction of its own, the sealed selfies of attempts made before {@code cutoff}; returns how many. */
    Uni<Integer> eraseSelfiesBefore(OffsetDateTime cutoff, OffsetDateTime now) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("UPDATE biometric_attempt SET selfie_sealed = NULL, selfie_nonce = NULL, selfie_key_id = NULL, "
                        + "erased_at = ?1 WHERE selfie_sealed IS NOT NULL AND attempted_at < ?2")
                .setParameter(1, now).setParameter(2, cutoff)
                .executeUpdate()));
    }
}
