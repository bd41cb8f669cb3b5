package kz.egov.idcard.auth;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class OtpChallengeRepository implements PanacheRepositoryBase<OtpChallenge, UUID> {

    /**
     * Serialises code requests for one phone and one IIN until the transaction ends, so that
     * parallel requests cannot all pass the cooldown and hourly checks.
     */
    public Uni<Void> lockRequestsFor(String iin, String phone) {
        return getSession().chain(session -> session
                .createNativeQuery("SELECT CAST(pg_advisory_xact_lock(hashtext(?1)) AS text), "
                        + "CAST(pg_advisory_xact_lock(hashtext(?2)) AS text)")
                .setParameter(1, "otp-phone:" + phone)
                .setParameter(2, "otp-iin:" + iin)
                .getSingleResult())
                .replaceWithVoid();
    }

    /** Requests for this phone since the instant, oldest first. */
    public Uni<List<OtpChallenge>> forPhoneSince(String phone, OffsetDateTime since) {
        return list("phone = ?1 and createdAt > ?2 order by createdAt", phone, since);
    }

    /** Requests for this IIN since the instant, oldest first. */
    public Uni<List<OtpChallenge>> forIinSince(String iin, OffsetDateTime since) {
        return list("iin = ?1 and createdAt > ?2 order by createdAt", iin, since);
    }

    public Uni<OtpChallenge> findForUpdate(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
