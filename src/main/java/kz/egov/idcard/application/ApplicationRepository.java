package kz.egov.idcard.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class ApplicationRepository implements PanacheRepositoryBase<Application, UUID> {

    /** The application if it is the applicant's; another citizen's application does not exist for them (SPEC R1). */
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

    /** Drafts untouched since the cutoff, locked and skipped by any other instance doing the same. */
    public Uni<List<Application>> staleDraftsForUpdate(OffsetDateTime cutoff, int limit) {
        return find("status = ?1 and updatedAt < ?2 order by updatedAt", ApplicationStatus.DRAFT, cutoff)
                .page(0, limit).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Serialises application creation per citizen until the transaction ends (SPEC R8 under races). */
    public Uni<Void> lockApplicant(String iin) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT CAST(pg_advisory_xact_lock(hashtext(?1)) AS text)")
                .setParameter(1, "applicant:" + iin).getSingleResult()).replaceWithVoid();
    }
}
