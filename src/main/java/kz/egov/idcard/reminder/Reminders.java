package kz.egov.idcard.reminder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import kz.egov.idcard.application.Application;
import kz.egov.idcard.application.ApplicationService;
import kz.egov.idcard.application.EligibilityService;
import kz.egov.idcard.application.EligibilityWindow;
import kz.egov.idcard.audit.AuditLog;
import kz.egov.idcard.audit.AuditType;
import kz.egov.idcard.auth.SessionService;
import kz.egov.idcard.booking.Booking;
import kz.egov.idcard.booking.BookingService;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.time.ClockProducer;
import kz.egov.idcard.common.time.Times;
import kz.egov.idcard.common.web.ClientInfo;
import kz.egov.idcard.notification.Notifications;
import kz.egov.idcard.points.PointsService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * Reminders that bring citizens back (docs/product.md, Reminders), each sent once, in the
 * citizen's language, through the notification outbox: the day the online window opens (asked
 * for by a citizen who came too early), a draft about to expire, a visit to a centre tomorrow, a
 * card not collected. Whether one was sent is kept in the database with what it is about, and
 * set in the transaction that queues the message, under a row lock: two instances, or one after
 * a restart, never send it twice, and one that was due while the service was down goes out when
 * it is back.
 */
@ApplicationScoped
public class Reminders {

    private static final Logger LOG = Logger.getLogger(Reminders.class);
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    static final int BATCH = 200;
    static final int LISTED = 50;

    @RegisterForReflection
    @Schema(name = "Reminder", description = "A reminder the citizen asked for")
    public record ReminderView(
            @Schema(example = "c4a7e2d1-5b3f-4e8a-9c6d-7f1e2a3b4c5d") UUID id,
            @Schema(example = "WINDOW_OPENS") Reminder.Kind kind,
            @Schema(example = "PENDING") Reminder.Status status,
            @Schema(description = "When it goes out (by SMS to the phone of the login, and a push)",
                    example = "2026-12-20T09:00:00+05:00") OffsetDateTime dueAt,
            @Schema(example = "2026-12-20T09:00:41+05:00") OffsetDateTime sentAt) {

        static ReminderView of(Reminder reminder) {
            return new ReminderView(reminder.id, reminder.kind, reminder.status, Times.local(reminder.dueAt),
                    Times.local(reminder.sentAt));
        }
    }

    private final ReminderRepository reminders;
    private final EligibilityService eligibility;
    private final ApplicationService applications;
    private final BookingService bookings;
    private final PointsService points;
    private final SessionService sessions;
    private final Notifications notifications;
    private final AuditLog audit;
    private final RemindersConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    public Reminders(ReminderRepository reminders, EligibilityService eligibility, ApplicationService applications,
            BookingService bookings, PointsService points, SessionService sessions, Notifications notifications, AuditLog audit,
            RemindersConfig config, ObjectMapper json, Clock clock) {
        this.reminders = reminders;
        this.eligibility = eligibility;
        this.applications = applications;
        this.bookings = bookings;
        this.points = points;
        this.sessions = sessions;
        this.notifications = notifications;
        this.audit = audit;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A citizen too early for the online window (docs/product.md R2) asks to be told the day it
     * opens; anyone else has nothing to wait for (REMINDER_NOT_APPLICABLE). One per citizen and
     * opening day (REMINDER_ALREADY_SET names it).
     */
    public Uni<ReminderView> remindWindowOpens(String iin, String phone, Locale locale, ClientInfo client) {
        return eligibility.check(iin).chain(checked -> {
            EligibilityWindow.Verdict verdict = checked.verdict();
            if (verdict.reason() != EligibilityWindow.Reason.TOO_EARLY) {
                ApiException refusal = new ApiException(ErrorCode.REMINDER_NOT_APPLICABLE, verdict.reason().name())
                        .with("reason", verdict.reason().name());
                if (verdict.opensOn() != null) {
                    refusal.with("windowOpensOn", verdict.opensOn().toString()).with("windowClosesOn", verdict.closesOn().toString());
                }
                throw refusal;
            }
            return Panache.withTransaction(() -> reminders.lockCitizen(iin)
                    .chain(() -> reminders.findSet(iin, Reminder.Kind.WINDOW_OPENS, verdict.opensOn().toString()))
                    .chain(existing -> {
                        if (existing != null) {
                            throw new ApiException(ErrorCode.REMINDER_ALREADY_SET).with("existingReminderId", existing.id.toString());
                        }
                        Reminder reminder = windowOpens(iin, phone, locale.getLanguage(), verdict);
                        return reminders.persist(reminder)
                                .call(() -> audit.record(AuditType.REMINDER_REQUESTED, iin, "reminder:" + reminder.id,
                                        reminder.kind.name(), client, Map.of("dueAt", reminder.dueAt.toString())))
                                .replaceWith(ReminderView.of(reminder));
                    }));
        });
    }

    private Reminder windowOpens(String iin, String phone, String language, EligibilityWindow.Verdict verdict) {
        Reminder reminder = new Reminder();
        reminder.id = UUID.randomUUID();
        reminder.kind = Reminder.Kind.WINDOW_OPENS;
        reminder.citizenIin = iin;
        reminder.subject = verdict.opensOn().toString();
        reminder.phone = phone;
        reminder.language = language;
        reminder.params = write(List.of(verdict.opensOn().toString(), verdict.closesOn().toString()));
        reminder.dueAt = dayReminderAt(verdict.opensOn());
        reminder.status = Reminder.Status.PENDING;
        reminder.createdAt = now();
        return reminder;
    }

    @WithSession
    public Uni<List<ReminderView>> list(String iin) {
        return reminders.listOwned(iin, LISTED).map(all -> all.stream().map(ReminderView::of).toList());
    }

    /** Withdraws a reminder not sent yet; another citizen's does not exist for the caller. */
    @WithTransaction
    public Uni<Void> withdraw(String iin, UUID id, ClientInfo client) {
        return reminders.lockOwned(id, iin).chain(reminder -> {
            if (reminder == null) {
                throw new ApiException(ErrorCode.REMINDER_NOT_FOUND);
            }
            if (reminder.status != Reminder.Status.PENDING) {
                throw new ApiException(ErrorCode.REMINDER_ALREADY_SENT);
            }
            reminder.status = Reminder.Status.WITHDRAWN;
            return audit.record(AuditType.REMINDER_WITHDRAWN, iin, "reminder:" + id, reminder.kind.name(), client, Map.of());
        });
    }

    /** Sends every reminder due now, each kind in transactions of its own; returns how many went to the outbox. */
    public Uni<Integer> sendDue() {
        return Panache.withTransaction(this::sendAskedFor)
                .chain(asked -> Panache.withTransaction(this::remindDraftsExpiring).map(drafts -> asked + drafts))
                .chain(sent -> Panache.withTransaction(this::remindVisitsTomorrow).map(visits -> sent + visits))
                .chain(sent -> Panache.withTransaction(this::remindUncollectedCards).map(cards -> sent + cards))
                .invoke(sent -> {
                    if (sent > 0) {
                        LOG.infof("Sent %d reminders", sent);
                    }
                });
    }

    private Uni<Integer> sendAskedFor() {
        return reminders.dueForUpdate(now(), BATCH).chain(due -> each(due, reminder -> {
            reminder.status = Reminder.Status.SENT;
            reminder.sentAt = now();
            return notifications.enqueue("reminder:" + reminder.id, reminder.phone, reminder.citizenIin,
                    "REMINDER_" + reminder.kind.name(), read(reminder.params), reminder.language).replaceWith(1);
        }));
    }

    private Uni<Integer> remindDraftsExpiring() {
        return applications.draftsToRemindOfExpiry(config.draftExpiryLead(), BATCH).chain(due -> each(due, draft -> {
            applications.expiryReminded(draft);
            List<String> params = List.of(BookingService.when(applications.expiresAt(draft)));
            return phoneOf(draft).chain(phone -> phone == null
                    ? notifications.enqueuePush("reminder:draft-expiry:" + draft.id, draft.applicantIin, "REMINDER_DRAFT_EXPIRY",
                            params, draft.language)
                    : notifications.enqueue("reminder:draft-expiry:" + draft.id, phone, draft.applicantIin, "REMINDER_DRAFT_EXPIRY",
                            params, draft.language)).replaceWith(1);
        }));
    }

    /** The contact phone once the questionnaire gave one, else the phone of the citizen's last login. */
    private Uni<String> phoneOf(Application draft) {
        return draft.contactPhone != null ? Uni.createFrom().item(draft.contactPhone) : sessions.loginPhone(draft.applicantIin);
    }

    /**
     * Visits are reminded of from {@code day-reminders-from} the day before; a visit booked after
     * that moment had its confirmation just now, which is reminder enough.
     */
    private Uni<Integer> remindVisitsTomorrow() {
        OffsetDateTime now = now();
        LocalTime from = LocalTime.parse(config.dayRemindersFrom());
        LocalDate today = now.atZoneSameInstant(ClockProducer.ZONE).toLocalDate();
        LocalDate lastDay = now.atZoneSameInstant(ClockProducer.ZONE).toLocalTime().isBefore(from) ? today : today.plusDays(1);
        return bookings.visitsToRemind(lastDay, BATCH).chain(due -> each(due, visit -> {
            bookings.reminded(visit);
            LocalDate visitDay = visit.slotStart.atZoneSameInstant(ClockProducer.ZONE).toLocalDate();
            if (!visit.createdAt.isBefore(dayReminderAt(visitDay.minusDays(1)))) {
                return Uni.createFrom().item(0);
            }
            return bookings.centre(visit).chain(centre -> notifications.enqueue("reminder:visit:" + visit.id, visit.phone,
                    visit.citizenIin, "REMINDER_VISIT_TOMORROW", List.of(visit.number,
                            centre == null ? visit.tsonId : centre.name(visit.language),
                            centre == null ? "" : centre.address(visit.language), BookingService.when(visit.slotStart)),
                    visit.language)).replaceWith(1);
        }));
    }

    private Uni<Integer> remindUncollectedCards() {
        return applications.uncollectedToRemind(now().minus(config.pickupAfter()), BATCH).chain(due -> each(due, ready -> {
            applications.pickupReminded(ready);
            String readyOn = Times.local(ready.updatedAt).toLocalDate().toString();
            return points.point(ready.pickupPointId).chain(point -> notifications.enqueue("reminder:pickup:" + ready.id,
                    ready.contactPhone, ready.applicantIin, "REMINDER_PICKUP", List.of(readyOn,
                            point == null ? ready.pickupPointId : point.name(ready.language) + ", " + point.address(ready.language)),
                    ready.language)).replaceWith(1);
        }));
    }

    private static <T> Uni<Integer> each(List<T> items, Function<T, Uni<Integer>> action) {
        return eachFrom(items, action, 0, 0);
    }

    private static <T> Uni<Integer> eachFrom(List<T> items, Function<T, Uni<Integer>> action, int index, int sent) {
        if (index == items.size()) {
            return Uni.createFrom().item(sent);
        }
        return action.apply(items.get(index)).chain(one -> eachFrom(items, action, index + 1, sent + one));
    }

    private OffsetDateTime dayReminderAt(LocalDate day) {
        return day.atTime(LocalTime.parse(config.dayRemindersFrom())).atZone(ClockProducer.ZONE).toOffsetDateTime();
    }

    private String write(List<String> params) {
        try {
            return json.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> read(String params) {
        try {
            return json.readValue(params, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
