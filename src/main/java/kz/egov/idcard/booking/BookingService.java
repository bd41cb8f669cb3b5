package kz.egov.idcard.booking;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kz.egov.idcard.application.ApplicationService;
import kz.egov.idcard.audit.AuditLog;
import kz.egov.idcard.audit.AuditType;
import kz.egov.idcard.booking.BookingViews.BookingView;
import kz.egov.idcard.booking.BookingViews.SlotView;
import kz.egov.idcard.calendar.CalendarService;
import kz.egov.idcard.calendar.WorkingDayCalendar;
import kz.egov.idcard.citizen.IdDocumentRegistry;
import kz.egov.idcard.citizen.PersonRecord;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.idempotency.IdempotencyService;
import kz.egov.idcard.common.time.ClockProducer;
import kz.egov.idcard.common.web.ClientInfo;
import kz.egov.idcard.notification.Notifications;
import kz.egov.idcard.points.PointViews;
import kz.egov.idcard.points.PointsService;
import kz.egov.idcard.points.PublicServiceCenter;
import kz.egov.idcard.points.Reception;

/**
 * A citizen sent to a Public Service Center books the visit online (docs/product.md, Public Service
 * Center visits): the centre's slots, one active booking per citizen, a slot never taken beyond its
 * capacity however many book at once, an SMS and a push with the number, the address and the time.
 */
@ApplicationScoped
public class BookingService {

    /** A citizen's bookings listed, latest first: one active at a time, so older ones are history. */
    static final int LISTED = 50;

    /** What a booking is asked with, for idempotency. */
    @RegisterForReflection
    public record NewBooking(String tsonId, OffsetDateTime start, UUID applicationId) {
    }

    /** A centre with its reception, and the slots of a day it offers now. */
    private record Offer(PublicServiceCenter center, Reception reception, List<ReceptionDay.Window> slots) {
    }

    private final SecureRandom random = new SecureRandom();
    private final BookingRepository bookings;
    private final PointsService points;
    private final CalendarService calendars;
    private final ApplicationService applications;
    private final IdDocumentRegistry documents;
    private final IdempotencyService idempotency;
    private final Notifications notifications;
    private final AuditLog audit;
    private final BookingsConfig config;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final Clock clock;

    public BookingService(BookingRepository bookings, PointsService points, CalendarService calendars, ApplicationService applications,
            IdDocumentRegistry documents, IdempotencyService idempotency, Notifications notifications, AuditLog audit,
            BookingsConfig config, com.fasterxml.jackson.databind.ObjectMapper json, Clock clock) {
        this.bookings = bookings;
        this.points = points;
        this.calendars = calendars;
        this.applications = applications;
        this.documents = documents;
        this.idempotency = idempotency;
        this.notifications = notifications;
        this.audit = audit;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** The centre's slots of the day that can still be booked, each with its free places; an unknown centre is TSON_NOT_FOUND. */
    @WithSession
    public Uni<List<SlotView>> slots(String tsonId, LocalDate day) {
        return offer(tsonId, day).chain(offer -> offer.slots().isEmpty() ? Uni.createFrom().item(List.<SlotView>of())
                : taken(tsonId, day).map(taken -> offer.slots().stream()
                        .map(slot -> new SlotView(slot.start(), slot.end(), offer.reception().capacity(),
                                Math.max(0, offer.reception().capacity() - placesTaken(taken, slot))))
                        .toList()));
    }

    /**
     * Books a visit for the citizen; the phone they logged in with gets the confirmation. A retry
     * with the same Idempotency-Key returns the first answer.
     */
    public Uni<IdempotencyService.Answer<BookingView>> book(String iin, String phone, NewBooking request, Locale locale,
            String idempotencyKey, ClientInfo client) {
        IdempotencyService.requireValid(idempotencyKey);
        // The registry is asked before any transaction, so that no lock waits for it.
        return documents.findPerson(iin).chain(found -> {
            PersonRecord person = found.orElseThrow(() -> new ApiException(ErrorCode.CITIZEN_NOT_FOUND));
            return idempotency.once(iin, "POST /bookings", idempotencyKey, request, BookingView.class,
                    () -> create(person, phone, request, locale.getLanguage(), client));
        });
    }

    private Uni<BookingView> create(PersonRecord person, String phone, NewBooking request, String language, ClientInfo client) {
        String iin = person.iin();
        LocalDate day = request.start().atZoneSameInstant(ClockProducer.ZONE).toLocalDate();
        return offer(request.tsonId(), day).chain(offer -> {
            ReceptionDay.Window slot = offer.slots().stream().filter(s -> s.start().isEqual(request.start())).findFirst()
                    .orElseThrow(() -> new ApiException(ErrorCode.SLOT_NOT_OFFERED, request.start().atZoneSameInstant(ClockProducer.ZONE)
                            .toOffsetDateTime(), request.tsonId()));
            Uni<Booking> booked = attachable(iin, request.applicationId())
                    .chain(() -> bookings.lockCitizenAndDay(iin, request.tsonId(), day))
                    .chain(() -> requireNoActiveBooking(iin))
                    .chain(() -> requireFreePlace(offer, slot, day))
                    .chain(() -> freshNumber())
                    .chain(number -> persist(number, person, phone, language, offer.center(), slot, request.applicationId()));
            return booked
                    .call(booking -> confirm(booking, offer.center()))
                    .call(booking -> audit.record(AuditType.BOOKING_CREATED, iin, "booking:" + booking.id, booking.status.name(), client,
                            details(booking)))
                    .map(BookingView::of);
        });
    }

    @WithSession
    public Uni<List<BookingView>> list(String iin) {
        return bookings.listOwned(iin, LISTED).map(all -> all.stream().map(BookingView::of).toList());
    }

    /** The citizen cancels a visit that has not begun; the place is free again at once. */
    @WithTransaction
    public Uni<BookingView> cancel(String iin, UUID id, ClientInfo client) {
        return bookings.lockOwned(id, iin).chain(booking -> {
            if (booking == null) {
                throw new ApiException(ErrorCode.BOOKING_NOT_FOUND);
            }
            requireBooked(booking);
            booking.status = BookingStatus.CANCELLED;
            booking.updatedAt = now();
            return audit.record(AuditType.BOOKING_CANCELLED, iin, "booking:" + id, booking.status.name(), client, details(booking))
                    .replaceWith(BookingView.of(booking));
        });
    }

    /** The visits of a centre's day, not cancelled, in time order, for its operators. */
    @WithSession
    public Uni<List<Booking>> visits(String tsonId, LocalDate day) {
        return taken(tsonId, day);
    }

    /** The centre's operator marks a booked visit SERVED or NO_SHOW; another centre's booking does not exist for them. */
    @WithTransaction
    public Uni<Booking> mark(String operator, String tsonId, UUID id, BookingStatus outcome, ClientInfo client) {
        return bookings.lockAtCenter(id, tsonId).chain(booking -> {
            if (booking == null) {
                throw new ApiException(ErrorCode.BOOKING_NOT_FOUND);
            }
            if (booking.status != BookingStatus.BOOKED) {
                throw new ApiException(ErrorCode.BOOKING_NOT_ACTIVE, booking.status).with("bookingStatus", booking.status.name());
            }
            booking.status = outcome;
            booking.markedBy = operator;
            booking.updatedAt = now();
            return audit.record(AuditType.BOOKING_VISIT_MARKED, operator, "booking:" + id, outcome.name(), client,
                    Map.of("tsonId", tsonId, "number", booking.number)).replaceWith(booking);
        });
    }

    /**
     * Booked visits that have not begun, starting before the end of the given local day, whose
     * citizen was not reminded yet, locked until the caller's transaction ends; {@link #reminded}
     * notes the reminder.
     */
    public Uni<List<Booking>> visitsToRemind(LocalDate lastDay, int limit) {
        return bookings.unremindedStartingForUpdate(now(), lastDay.plusDays(1).atStartOfDay(ClockProducer.ZONE).toOffsetDateTime(),
                limit);
    }

    /** Notes, in the caller's transaction, that the citizen was reminded of the visit. */
    public void reminded(Booking booking) {
        booking.remindedAt = now();
    }

    /** The centre a booking is at (its name and address for the reminder); null when gone. */
    public Uni<PublicServiceCenter> centre(Booking booking) {
        return points.center(booking.tsonId);
    }

    private Uni<Offer> offer(String tsonId, LocalDate day) {
        return points.center(tsonId).chain(center -> {
            if (center == null || !center.active) {
                throw new ApiException(ErrorCode.TSON_NOT_FOUND, tsonId);
            }
            Reception reception = points.reception(center);
            LocalDate today = LocalDate.now(clock);
            if (day.isBefore(today) || day.isAfter(today.plusDays(config.horizon().toDays()))) {
                return Uni.createFrom().item(new Offer(center, reception, List.of()));
            }
            OffsetDateTime earliest = now().plus(config.minLead());
            return calendars.calendar().map(calendar -> new Offer(center, reception, open(calendar, center, reception, day).stream()
                    .filter(slot -> !slot.start().isBefore(earliest)).toList()));
        });
    }

    private List<ReceptionDay.Window> open(WorkingDayCalendar calendar, PublicServiceCenter center, Reception reception, LocalDate day) {
        return ReceptionDay.slots(day, calendar.isWorkingDay(day), PointViews.parseHours(center.hours, json), reception.slotLength(),
                ClockProducer.ZONE);
    }

    private Uni<List<Booking>> taken(String tsonId, LocalDate day) {
        OffsetDateTime from = day.atStartOfDay(ClockProducer.ZONE).toOffsetDateTime();
        return bookings.takingPlaces(tsonId, from, day.plusDays(1).atStartOfDay(ClockProducer.ZONE).toOffsetDateTime());
    }

    /** Visits starting inside the slot take its places (a slot length changed since keeps them counted). */
    private static int placesTaken(List<Booking> taken, ReceptionDay.Window slot) {
        return (int) taken.stream().filter(b -> !b.slotStart.isBefore(slot.start()) && b.slotStart.isBefore(slot.end())).count();
    }

    /** Only the citizen's own application can be attached; another's does not exist for them (docs/product.md R1). */
    private Uni<Void> attachable(String iin, UUID applicationId) {
        return applicationId == null ? Uni.createFrom().voidItem() : applications.owned(iin, applicationId).replaceWithVoid();
    }

    private Uni<Void> requireNoActiveBooking(String iin) {
        return bookings.findActive(iin, now()).map(active -> {
            if (active != null) {
                throw new ApiException(ErrorCode.BOOKING_ALREADY_ACTIVE, active.number)
                        .with("existingBookingId", active.id.toString());
            }
            return null;
        });
    }

    /** Counted after the centre's day is locked, so that the last place goes to one citizen only. */
    private Uni<Void> requireFreePlace(Offer offer, ReceptionDay.Window slot, LocalDate day) {
        return taken(offer.center().id, day).map(taken -> {
            if (placesTaken(taken, slot) >= offer.reception().capacity()) {
                throw new ApiException(ErrorCode.SLOT_FULL);
            }
            return null;
        });
    }

    private void requireBooked(Booking booking) {
        if (booking.status != BookingStatus.BOOKED || !booking.slotStart.isAfter(now())) {
            throw new ApiException(ErrorCode.BOOKING_NOT_ACTIVE, booking.status).with("bookingStatus", booking.status.name());
        }
    }

    /** A number to say at the centre: seven digits as 482-7315 (never six in a row, which reads as a login code). */
    private Uni<String> freshNumber() {
        String number = String.format("%03d-%04d", random.nextInt(1000), random.nextInt(10_000));
        return bookings.numberTaken(number).chain(taken -> taken ? freshNumber() : Uni.createFrom().item(number));
    }

    private Uni<Booking> persist(String number, PersonRecord person, String phone, String language, PublicServiceCenter center,
            ReceptionDay.Window slot, UUID applicationId) {
        Booking booking = new Booking();
        booking.id = UUID.randomUUID();
        booking.number = number;
        booking.tsonId = center.id;
        booking.slotStart = slot.start();
        booking.slotEnd = slot.end();
        booking.citizenIin = person.iin();
        booking.citizenName = Stream.of(person.lastName(), person.firstName(), person.middleName())
                .filter(part -> part != null && !part.isBlank()).collect(Collectors.joining(" "));
        booking.phone = phone;
        booking.language = language;
        booking.applicationId = applicationId;
        booking.status = BookingStatus.BOOKED;
        booking.createdAt = now();
        booking.updatedAt = booking.createdAt;
        return bookings.persist(booking).replaceWith(booking);
    }

    /** The SMS and push with the number, the centre's name and address, and the time, in the booking's transaction. */
    private Uni<Void> confirm(Booking booking, PublicServiceCenter center) {
        String language = booking.language;
        return notifications.enqueue("booking:" + booking.id, booking.phone, booking.citizenIin, "BOOKING_CONFIRMED",
                List.of(booking.number, center.name(language), center.address(language), when(booking.slotStart)), language);
    }

    /** A visit's time as the citizen reads it: local date and time. */
    public static String when(OffsetDateTime start) {
        var local = start.atZoneSameInstant(ClockProducer.ZONE);
        return local.toLocalDate() + " " + local.toLocalTime();
    }

    private static Map<String, Object> details(Booking booking) {
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("tsonId", booking.tsonId);
        details.put("number", booking.number);
        details.put("start", when(booking.slotStart));
        if (booking.applicationId != null) {
            details.put("applicationId", booking.applicationId.toString());
        }
        return details;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
