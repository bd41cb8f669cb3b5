package kz.egov.idcard.booking;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import kz.egov.idcard.common.db.Locks;

/** Booked visits (table tson_booking). */
@ApplicationScoped
@WithSession
public class BookingRepository implements PanacheRepositoryBase<Booking, UUID> {

    /**
     * Serialises bookings of one citizen, and of one centre's day, until the transaction ends: the
     * one-active-booking rule and a slot's capacity hold when many book at once. Always in this
     * order (citizen, then centre and day), so two bookings never wait for each other.
     */
    public Uni<Void> lockCitizenAndDay(String iin, String tsonId, LocalDate day) {
        return Locks.advisory("booking-citizen:" + iin, "booking-day:" + tsonId + ":" + day);
    }

    /** The citizen's booked visit that has not begun yet, or null. */
    public Uni<Booking> findActive(String iin, OffsetDateTime now) {
        return find("citizenIin = ?1 and status = ?2 and slotStart > ?3 order by slotStart", iin, BookingStatus.BOOKED, now)
                .firstResult();
    }

    /** The visits of a centre, not cancelled, starting in [from, to). */
    public Uni<List<Booking>> takingPlaces(String tsonId, OffsetDateTime from, OffsetDateTime to) {
        return list("tsonId = ?1 and status <> ?2 and slotStart >= ?3 and slotStart < ?4 order by slotStart, number", tsonId,
                BookingStatus.CANCELLED, from, to);
    }

    /** The citizen's latest bookings, at most the given number. */
    public Uni<List<Booking>> listOwned(String iin, int limit) {
        return find("citizenIin = ?1 order by slotStart desc", iin).page(0, limit).list();
    }

    /** The citizen's booking, locked for update; null when it is not theirs (docs/product.md R1). */
    public Uni<Booking> lockOwned(UUID id, String iin) {
        return find("id = ?1 and citizenIin = ?2", id, iin).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** A booking at the centre, locked for update; null when it is another centre's. */
    public Uni<Booking> lockAtCenter(UUID id, String tsonId) {
        return find("id = ?1 and tsonId = ?2", id, tsonId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Boolean> numberTaken(String number) {
        return count("number", number).map(count -> count > 0);
    }

    /** Booked visits starting in [from, to) whose citizen was not reminded yet, locked for update. */
    public Uni<List<Booking>> unremindedStartingForUpdate(OffsetDateTime from, OffsetDateTime to, int limit) {
        return find("status = ?1 and remindedAt is null and slotStart >= ?2 and slotStart < ?3 order by slotStart",
                BookingStatus.BOOKED, from, to).page(0, limit).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
