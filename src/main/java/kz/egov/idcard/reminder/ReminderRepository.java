package kz.egov.idcard.reminder;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import kz.egov.idcard.common.db.Locks;

/** Reminders citizens asked for (table reminder). */
@ApplicationScoped
@WithSession
public class ReminderRepository implements PanacheRepositoryBase<Reminder, UUID> {

    /** Serialises a citizen's requests until the transaction ends: one reminder of a kind and subject. */
    public Uni<Void> lockCitizen(String iin) {
        return Locks.advisory("reminder-citizen:" + iin);
    }

    /** The citizen's reminder of the kind and subject, not withdrawn; null when there is none. */
    public Uni<Reminder> findSet(String iin, Reminder.Kind kind, String subject) {
        return find("citizenIin = ?1 and kind = ?2 and subject = ?3 and status <> ?4", iin, kind, subject, Reminder.Status.WITHDRAWN)
                .firstResult();
    }

    /** The citizen's reminders, not withdrawn, the latest due first. */
    public Uni<List<Reminder>> listOwned(String iin, int limit) {
        return find("citizenIin = ?1 and status <> ?2 order by dueAt desc", iin, Reminder.Status.WITHDRAWN).page(0, limit).list();
    }

    /** The citizen's reminder, locked for update; null when it is not theirs. */
    public Uni<Reminder> lockOwned(UUID id, String iin) {
        return find("id = ?1 and citizenIin = ?2 and status <> ?3", id, iin, Reminder.Status.WITHDRAWN)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * Pending reminders due by now, locked for update: a second instance waits and then finds
     * them sent, so each goes out once.
     */
    public Uni<List<Reminder>> dueForUpdate(OffsetDateTime now, int limit) {
        return find("status = ?1 and dueAt <= ?2 order by dueAt", Reminder.Status.PENDING, now).page(0, limit)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
