package kz.egov.idcard.application;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import kz.egov.idcard.common.db.Locks;

@ApplicationScoped
@WithSession
public class ApplicationRepository implements PanacheRepositoryBase<Application, UUID> {

    /** The application if it is the applicant's; another citizen's application does not exist for them (docs/product.md R1). */
    public Uni<Application> findOwned(UUID id, String iin) {
        return find("id = ?1 and applicantIin = ?2", id, iin).firstResult();
    }

    public Uni<List<Application>> listOwned(String iin) {
        return list("applicantIin = ?1 order by createdAt desc", iin);
    }

    public Uni<Application> findActive(String iin) {
        return find("applicantIin = ?1 and status in ?2", iin, ApplicationStatus.ACTIVE).firstResult();
    }

    public Uni<List<ApplicationEvent>> events(Collection<UUID> applicationIds) {
        if (applicationIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return ApplicationEvent.list("applicationId in ?1 order by id", applicationIds);
    }

    /**
     * Unpaid drafts untouched since the cutoff and not held open by an invoice that may still be
     * paid, locked for update.
     */
    public Uni<List<Application>> staleDraftsForUpdate(OffsetDateTime cutoff, OffsetDateTime now, int limit) {
        return find("status = ?1 and paidAt is null and updatedAt < ?2 and (heldUntil is null or heldUntil < ?3) order by updatedAt",
                ApplicationStatus.DRAFT, cutoff, now)
                .page(0, limit).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Submitted applications whose ready-on date is still an estimate, locked for update. */
    public Uni<List<Application>> estimatedReadyOnForUpdate(int limit) {
        return find("readyOnEstimated = true and status in ?1 order by submittedAt",
                List.of(ApplicationStatus.SUBMITTED, ApplicationStatus.IN_PRODUCTION))
                .page(0, limit).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Paid drafts still unconfirmed, paid before the cutoff, locked for update. */
    public Uni<List<Application>> paidUnconfirmedForUpdate(OffsetDateTime paidBefore, int limit) {
        return find("status = ?1 and paidAt < ?2 order by paidAt", ApplicationStatus.DRAFT, paidBefore)
                .page(0, limit).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Paid drafts paid before the cutoff whose citizen was not reminded yet, locked for update. */
    public Uni<List<Application>> paidUnremindedForUpdate(OffsetDateTime paidBefore, int limit) {
        return find("status = ?1 and paidAt < ?2 and confirmationRemindedAt is null order by paidAt", ApplicationStatus.DRAFT,
                paidBefore).page(0, limit).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /**
     * Unpaid drafts, not held open by an invoice, that expire (untouched since the cutoff of the
     * draft's life) within the lead and whose citizen was not reminded yet, locked for update.
     */
    public Uni<List<Application>> draftsExpiringUnremindedForUpdate(OffsetDateTime touchedBefore, OffsetDateTime touchedAfter,
            OffsetDateTime now, int limit) {
        return find("status = ?1 and paidAt is null and expiryRemindedAt is null and updatedAt < ?2 and updatedAt >= ?3 "
                        + "and (heldUntil is null or heldUntil < ?4) order by updatedAt", ApplicationStatus.DRAFT, touchedBefore,
                touchedAfter, now).page(0, limit).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Cards ready for pickup since before the cutoff whose citizen was not reminded yet, locked for update. */
    public Uni<List<Application>> uncollectedUnremindedForUpdate(OffsetDateTime readyBefore, int limit) {
        return find("status = ?1 and pickupRemindedAt is null and updatedAt < ?2 order by updatedAt",
                ApplicationStatus.READY_FOR_PICKUP, readyBefore).page(0, limit).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Serialises application creation per citizen until the transaction ends (docs/product.md R8 under races). */
    public Uni<Void> lockApplicant(String iin) {
        return Locks.advisory("applicant:" + iin);
    }

    /** The applicant's application, locked for update until the transaction ends; null when it is not theirs. */
    public Uni<Application> lockOwned(UUID id, String iin) {
        return find("id = ?1 and applicantIin = ?2", id, iin).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** An application, locked for update until the transaction ends; null when there is none. */
    public Uni<Application> lock(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** An application picked up at the point, locked for update until the transaction ends; null when there is none. */
    public Uni<Application> lockAtPoint(UUID id, String pointId) {
        return find("id = ?1 and pickupPointId = ?2", id, pointId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** The point's applications past the draft, in the given status or any, in submission order. */
    public Uni<List<Application>> atPoint(String pointId, ApplicationStatus status) {
        return status == null
                ? list("pickupPointId = ?1 and status <> ?2 order by submittedAt", pointId, ApplicationStatus.DRAFT)
                : list("pickupPointId = ?1 and status = ?2 order by submittedAt", pointId, status);
    }
}
