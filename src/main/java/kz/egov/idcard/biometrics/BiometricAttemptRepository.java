package kz.egov.idcard.biometrics;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The biometric attempts' sealed selfies (table biometric_attempt). */
@ApplicationScoped
public class BiometricAttemptRepository {

    /** The citizen's misses since the instant, across all their applications, in the caller's session. */
    Uni<Long> citizenMissesSince(String iin, OffsetDateTime since) {
        return BiometricAttempt.count("applicantIin = ?1 and decision = ?2 and attemptedAt > ?3", iin, FaceMatch.Decision.NO_MATCH,
                since);
    }

    /**
     * The misses an attempt on the application counts, in one read in the caller's session: the
     * application's own, and the citizen's since the instant across all their applications.
     */
    Uni<Misses> missesOf(UUID applicationId, String iin, OffsetDateTime since) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("select "
                        + "count(case when applicationId = ?3 then 1 end), count(case when attemptedAt > ?4 then 1 end) "
                        + "from BiometricAttempt where applicantIin = ?1 and decision = ?2 and (applicationId = ?3 or attemptedAt > ?4)",
                        Object[].class)
                .setParameter(1, iin).setParameter(2, FaceMatch.Decision.NO_MATCH).setParameter(3, applicationId)
                .setParameter(4, since)
                .getSingleResult())
                .map(row -> new Misses(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
    }

    /** An application's misses, and its citizen's within the window. */
    record Misses(long ofApplication, long ofCitizen) {
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
