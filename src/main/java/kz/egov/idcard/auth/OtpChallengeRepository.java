package kz.egov.idcard.auth;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import kz.egov.idcard.common.db.Locks;

@ApplicationScoped
@WithSession
public class OtpChallengeRepository implements PanacheRepositoryBase<OtpChallenge, UUID> {

    /**
     * Serialises code requests for one phone and one IIN until the transaction ends, so that
     * parallel requests cannot all pass the cooldown and hourly checks.
     */
    public Uni<Void> lockRequestsFor(String iin, String phone) {
        return Locks.advisory("otp-phone:" + phone, "otp-iin:" + iin);
    }

    /**
     * Requests for this phone or this IIN since the instant, oldest first: both rate-limit windows
     * in one statement (each column has its own index).
     */
    public Uni<List<OtpChallenge>> forPhoneOrIinSince(String phone, String iin, OffsetDateTime since) {
        return list("(phone = ?1 or iin = ?2) and createdAt > ?3 order by createdAt", phone, iin, since);
    }

    public Uni<OtpChallenge> findForUpdate(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
