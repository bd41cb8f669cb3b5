package kz.egov.idcard.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import kz.egov.idcard.application.ApplicationViews.ApplicationView;
import kz.egov.idcard.audit.AuditLog;
import kz.egov.idcard.audit.AuditType;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.i18n.Messages;
import kz.egov.idcard.common.idempotency.IdempotencyService;
import kz.egov.idcard.common.web.ClientInfo;
import kz.egov.idcard.fees.FeeService;
import kz.egov.idcard.notification.Notifications;
import kz.egov.idcard.points.PointsService;
import org.jboss.logging.Logger;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import kz.egov.idcard.common.time.Times;

/** Applications: creation under the rules of docs/product.md R1, R2 and R8, the draft's steps, cancellation and expiry. */
@ApplicationScoped
public class ApplicationService {

    private static final Logger LOG = Logger.getLogger(ApplicationService.class);
    private static final int EXPIRY_BATCH = 200;

    /** The request a create answers, for idempotency. */
    @RegisterForReflection
    record CreateRequest(Channel channel) {
    }

    private final ApplicationRepository applications;
    private final ApplicationReadRepository reads;
    private final EligibilityService eligibility;
    private final IdempotencyService idempotency;
    private final AuditLog audit;
    private final ApplicationsConfig config;
    private final TsonRedirects redirects;
    private final FeeService fees;
    private final PointsService points;
    private final Notifications notifications;
    private final Instance<ApplicationEnd> ends;
    private final Clock clock;

    public ApplicationService(ApplicationRepository applications, ApplicationReadRepository reads, EligibilityService eligibility,
            IdempotencyService idempotency, AuditLog audit, ApplicationsConfig config, TsonRedirects redirects, FeeService fees,
            PointsService points, Notifications notifications, @Any Instance<ApplicationEnd> ends, Clock clock) {
        this.ends = ends;
        this.applications = applications;
        this.reads = reads;
        this.eligibility = eligibility;
        this.idempotency = idempotency;
        this.audit = audit;
        this.config = config;
        this.redirects = redirects;
        this.fees = fees;
        this.points = points;
        this.notifications = notifications;
        this.clock = clock;
    }

    public static String citizen(String iin) {
        return "citizen:" + iin;
    }

    public Uni<IdempotencyService.Answer<ApplicationView>> create(String iin, Channel channel, Locale locale,
            String idempotencyKey, ClientInfo client) {
        return idempotency.once(iin, "POST /applications", idempotencyKey, new CreateRequest(channel), ApplicationView.class,
                () -> eligibility.check(iin).chain(checked -> {
                    if (!checked.verdict().eligible()) {
                        throw EligibilityService.refusal(checked.verdict());
                    }
                    return applications.lockApplicant(iin)
                            .chain(() -> applications.findActive(iin))
                            .chain(active -> {
                                if (active != null) {
                                    throw new ApiException(ErrorCode.APPLICATION_ALREADY_ACTIVE)
                                            .with("existingApplicationId", active.id.toString());
                                }
                                OffsetDateTime now = now();
                                Application application = new Application();
                                application.id = UUID.randomUUID();
                                application.applicantIin = iin;
                                application.channel = channel;
                                application.language = locale.getLanguage();
                                application.status = ApplicationStatus.DRAFT;
                                application.cardNumber = checked.person().idCard().number();
                                application.cardExpiresOn = checked.person().idCard().expiresOn();
                                application.createdAt = now;
                                application.updatedAt = now;
                                return applications.persist(application)
                                        .call(saved -> record(saved, citizen(iin), null, null, "Application created"))
                                        .call(saved -> audit.record(AuditType.APPLICATION_CREATED, iin, "application:" + saved.id,
                                                "OK", client, Map.of("channel", channel.name())))
                                        .chain(this::view);
                            });
                }));
    }

    @WithSession
    public Uni<List<ApplicationView>> list(String iin, Locale locale) {
        return applications.listOwned(iin).chain(all -> applications.events(all.stream().map(a -> a.id).toList())
                .chain(events -> viewEach(all, events, locale, 0, new ArrayList<>())));
    }

    private Uni<List<ApplicationView>> viewEach(List<Application> all, List<ApplicationEvent> events, Locale locale, int index,
            List<ApplicationView> views) {
        if (index == all.size()) {
            return Uni.createFrom().item(views);
        }
        Application application = all.get(index);
        return redirects.of(application, locale).chain(redirect -> {
            views.add(ApplicationView.of(application, events, config.draftTtl(), redirect));
            return viewEach(all, events, locale, index + 1, views);
        });
    }

    /** The status read: one round trip for the application and its history (ApplicationReadRepository). */
    public Uni<ApplicationView> get(String iin, UUID id, Locale locale) {
        return reads.ownedWithHistory(id, iin).chain(found -> {
            if (found == null) {
                throw new ApiException(ErrorCode.APPLICATION_NOT_FOUND);
            }
            return redirects.of(found.application(), locale)
                    .map(redirect -> ApplicationView.of(found.application(), found.events(), config.draftTtl(), redirect));
        });
    }

    /** Only a draft can be cancelled, by its owner; a submitted application is in the state's hands. */
    @WithTransaction
    public Uni<ApplicationView> cancel(String iin, UUID id, ClientInfo client) {
        return lockOwned(iin, id).chain(application -> {
            if (application.status != ApplicationStatus.DRAFT) {
                throw new ApiException(ErrorCode.APPLICATION_NOT_CANCELLABLE, application.status)
                        .with("applicationStatus", application.status.name());
            }
            return end(application, ApplicationStatus.CANCELLED, ApplicationEnd.Why.CANCELLED_BY_CITIZEN, citizen(iin),
                            application.paidAt == null ? "Cancelled by the citizen" : "Cancelled by the citizen after payment; refunded")
                    .call(() -> audit.record(AuditType.APPLICATION_CANCELLED, iin, "application:" + id, "OK", client, Map.of()))
                    .chain(this::view);
        });
    }

    /**
     * Ends the application before a card is made (CANCELLED or EXPIRED), in the caller's
     * transaction, and lets the steps act on it (ApplicationEnd: the payment package refunds).
     */
    private Uni<Application> end(Application application, ApplicationStatus to, ApplicationEnd.Why why, String actor, String reason) {
        return moveTo(application, to, actor, reason).call(ended -> endEach(ended, why, ends.stream().toList(), 0));
    }

    private static Uni<Void> endEach(Application application, ApplicationEnd.Why why, List<ApplicationEnd> all, int index) {
        return index == all.size() ? Uni.createFrom().voidItem()
                : all.get(index).ended(application, why).chain(() -> endEach(application, why, all, index + 1));
    }

    /** An open invoice holds the draft open until it expires (the payment may be on its way), in the caller's transaction. */
    public void holdUntil(Application application, OffsetDateTime until) {
        if (application.heldUntil == null || application.heldUntil.isBefore(until)) {
            application.heldUntil = until;
        }
    }

    /** The owner's application, or APPLICATION_NOT_FOUND: another citizen's application does not exist for them. */
    public Uni<Application> owned(String iin, UUID id) {
        return applications.findOwned(id, iin).map(found -> {
            if (found == null) {
                throw new ApiException(ErrorCode.APPLICATION_NOT_FOUND);
            }
            return found;
        });
    }

    /** The owner's application locked for update until the transaction ends, or APPLICATION_NOT_FOUND. */
    public Uni<Application> lockOwned(String iin, UUID id) {
        return applications.lockOwned(id, iin).map(found -> {
            if (found == null) {
                throw new ApiException(ErrorCode.APPLICATION_NOT_FOUND);
            }
            return found;
        });
    }

    /** An application locked for update until the transaction ends, whoever acts on it (the payment gateway); null when gone. */
    public Uni<Application> lock(UUID id) {
        return applications.lock(id);
    }

    /** An application as it is, whoever asks (to name its applicant in an audit record); null when gone. */
    public Uni<Application> find(UUID id) {
        return applications.findById(id);
    }

    /** An application picked up at the point, past the draft, locked for update; APPLICATION_NOT_FOUND otherwise. */
    public Uni<Application> lockAtPoint(UUID id, String pointId) {
        return applications.lockAtPoint(id, pointId).map(found -> {
            if (found == null || found.status == ApplicationStatus.DRAFT) {
                throw new ApiException(ErrorCode.APPLICATION_NOT_FOUND);
            }
            return found;
        });
    }

    /** The applications past the draft to be picked up at the point, in the given status or any. */
    public Uni<List<Application>> atPoint(String pointId, ApplicationStatus status) {
        return applications.atPoint(pointId, status)
                .map(all -> all.stream().filter(a -> a.status != ApplicationStatus.DRAFT).toList());
    }

    /**
     * Takes the questionnaire's answers, in the caller's transaction, and undoes the steps after it
     * (a signature no longer matches what was signed); returns the steps undone. The step itself is
     * completed by {@link #completeStep}.
     */
    public List<Step> answer(Application application, QuestionnaireAnswers answers) {
        application.personalDataConfirmed = answers.personalDataConfirmed();
        application.contactPhone = answers.contactPhone();
        application.email = answers.email();
        application.address = answers.address();
        application.pickupPointId = answers.pickupPointId();
        application.tier = answers.tier();
        return application.undoAfter(Step.QUESTIONNAIRE);
    }

    /** Notes that the citizen acted on the draft, so that it does not expire (R8). */
    public void touch(Application application) {
        application.updatedAt = now();
    }

    /**
     * Drafts that expire within the lead and whose citizen was not reminded yet, locked for update
     * until the caller's transaction ends; {@link #expiryReminded} notes the reminder.
     */
    public Uni<List<Application>> draftsToRemindOfExpiry(java.time.Duration lead, int limit) {
        OffsetDateTime now = now();
        return applications.draftsExpiringUnremindedForUpdate(now.plus(lead).minus(config.draftTtl()), now.minus(config.draftTtl()),
                now, limit);
    }

    /** When an untouched draft expires (docs/product.md R8). */
    public OffsetDateTime expiresAt(Application draft) {
        return draft.updatedAt.plus(config.draftTtl());
    }

    /** Notes, in the caller's transaction, that the citizen was reminded of the draft's expiry. */
    public void expiryReminded(Application draft) {
        draft.expiryRemindedAt = now();
    }

    /**
     * Cards ready for pickup (the application last moved) before the cutoff and not collected,
     * whose citizen was not reminded yet, locked for update; {@link #pickupReminded} notes it.
     */
    public Uni<List<Application>> uncollectedToRemind(OffsetDateTime readyBefore, int limit) {
        return applications.uncollectedUnremindedForUpdate(readyBefore, limit);
    }

    /** Notes, in the caller's transaction, that the citizen was reminded to collect the card. */
    public void pickupReminded(Application ready) {
        ready.pickupRemindedAt = now();
    }

    /**
     * Sends the citizen to a Public Service Center (R6), in the caller's transaction: the region's
     * centres are listed from then on.
     */
    public Uni<Application> redirectToTson(Application application, String regionCode, String reason) {
        application.tsonRegion = regionCode;
        return moveTo(application, ApplicationStatus.REDIRECTED_TO_TSON, "system", reason);
    }

    /** Refuses a step that is not the one due now (docs/product.md, States), naming the one that is. */
    public static void requireNext(Application application, Step step) {
        if (application.status != ApplicationStatus.DRAFT) {
            throw new ApiException(ErrorCode.APPLICATION_CLOSED, application.status).with("applicationStatus", application.status.name());
        }
        if (!application.channel.steps().contains(step)) {
            throw new ApiException(ErrorCode.STEP_OUT_OF_ORDER, step, application.nextStep().map(Enum::name).orElse("-"))
                    .with("expectedStep", application.nextStep().map(Enum::name).orElse(null));
        }
        Step next = application.nextStep().orElse(null);
        if (next != step) {
            throw new ApiException(ErrorCode.STEP_OUT_OF_ORDER, step, next == null ? "-" : next.name())
                    .with("expectedStep", next == null ? null : next.name());
        }
    }

    /** Marks a step done, in the caller's transaction; the history says who did it. */
    public Uni<Application> completeStep(Application application, Step step, String actor, String reason) {
        application.markCompleted(step);
        application.updatedAt = now();
        if (step == Step.PAYMENT) {
            application.paidAt = application.updatedAt;
        }
        return record(application, actor, application.status, step, reason).replaceWith(application);
    }

    /**
     * Completes a step and, when it was the channel's last, submits the application: its ready-on
     * date from the working-day calendar and the tier, and an SMS to the citizen with the date and
     * the pickup point, queued in the same transaction.
     */
    public Uni<Application> finishStep(Application application, Step step, String actor, String reason) {
        return completeStep(application, step, actor, reason)
                .chain(done -> done.nextStep().isPresent() ? Uni.createFrom().item(done) : submit(done));
    }

    private Uni<Application> submit(Application application) {
        LocalDate today = LocalDate.now(clock);
        return fees.readyOn(application.tier, today).chain(ready -> points.point(application.pickupPointId).chain(point -> {
            application.submittedAt = now();
            application.readyOn = ready.date();
            application.readyOnEstimated = ready.estimated();
            String language = application.language;
            String place = point == null ? application.pickupPointId
                    : point.name(language) + ", " + point.address(language);
            return moveTo(application, ApplicationStatus.SUBMITTED, "system", "All steps done")
                    .call(() -> notifications.enqueue("submitted:" + application.id, application.contactPhone,
                            application.applicantIin, "SUBMITTED", List.of(application.readyOn.toString(), place), language))
                    .call(() -> audit.record(AuditType.APPLICATION_SUBMITTED, application.applicantIin,
                            "application:" + application.id, "SUBMITTED", null,
                            Map.of("readyOn", application.readyOn.toString(), "tier", application.tier.name())));
        }));
    }

    /** Moves the application to another status, in the caller's transaction, with a history entry. */
    public Uni<Application> moveTo(Application application, ApplicationStatus to, String actor, String reason) {
        ApplicationStatus from = application.status;
        application.status = to;
        application.statusReason = reason;
        application.updatedAt = now();
        return record(application, actor, from, null, reason).replaceWith(application);
    }

    /** Expires drafts untouched for longer than the configured time (docs/product.md R8); returns how many. */
    public Uni<Integer> expireStaleDrafts() {
        OffsetDateTime cutoff = now().minus(config.draftTtl());
        return Panache.withTransaction(() -> applications.staleDraftsForUpdate(cutoff, now(), EXPIRY_BATCH)
                .chain(stale -> expireEach(stale, 0).replaceWith(stale.size())))
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("Expired %d drafts untouched since %s", count, cutoff);
                    }
                });
    }

    private Uni<Void> expireEach(List<Application> stale, int index) {
        if (index == stale.size()) {
            return Uni.createFrom().voidItem();
        }
        return end(stale.get(index), ApplicationStatus.EXPIRED, ApplicationEnd.Why.EXPIRED, "system",
                        "Draft untouched for " + config.draftTtl().toHours() + " h")
                .chain(() -> expireEach(stale, index + 1));
    }

    /**
     * A paid mobile application waits for its confirmation (docs/product.md R8): at half of
     * {@code idcard.applications.paid-confirmation-ttl} the citizen is reminded once, at its end the
     * application is cancelled and the payment refunded. Returns how many were cancelled.
     */
    public Uni<Integer> settleUnconfirmed() {
        OffsetDateTime now = now();
        OffsetDateTime remindBefore = now.minus(config.paidConfirmationTtl().dividedBy(2));
        OffsetDateTime cancelBefore = now.minus(config.paidConfirmationTtl());
        return Panache.withTransaction(() -> applications.paidUnremindedForUpdate(remindBefore, EXPIRY_BATCH)
                        .chain(due -> remindEach(due, 0)))
                .chain(() -> Panache.withTransaction(() -> applications.paidUnconfirmedForUpdate(cancelBefore, EXPIRY_BATCH)
                        .chain(due -> cancelUnconfirmedEach(due, 0).replaceWith(due.size()))))
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("Cancelled and refunded %d paid applications not confirmed since %s", count, cancelBefore);
                    }
                });
    }

    /**
     * Ready-on dates estimated by the statutory rule are recomputed once the official calendar of
     * the years they count through is published (docs/product.md R4); returns how many changed.
     */
    public Uni<Integer> refreshEstimatedReadyOn() {
        return Panache.withTransaction(() -> applications.estimatedReadyOnForUpdate(EXPIRY_BATCH)
                .chain(estimated -> refreshEach(estimated, 0, 0)));
    }

    private Uni<Integer> refreshEach(List<Application> estimated, int index, int refreshed) {
        if (index == estimated.size()) {
            return Uni.createFrom().item(refreshed);
        }
        Application application = estimated.get(index);
        LocalDate submittedOn = Times.local(application.submittedAt).toLocalDate();
        return fees.readyOn(application.tier, submittedOn).chain(ready -> {
            if (ready.estimated()) {
                return refreshEach(estimated, index + 1, refreshed);
            }
            String reason = ready.date().equals(application.readyOn)
                    ? "Ready-on date confirmed by the official calendar: " + ready.date()
                    : "Ready-on date recomputed with the official calendar: " + application.readyOn + " -> " + ready.date();
            application.readyOn = ready.date();
            application.readyOnEstimated = false;
            return record(application, "system", application.status, null, reason)
                    .chain(() -> refreshEach(estimated, index + 1, refreshed + 1));
        });
    }

    private Uni<Void> remindEach(List<Application> due, int index) {
        if (index == due.size()) {
            return Uni.createFrom().voidItem();
        }
        Application application = due.get(index);
        application.confirmationRemindedAt = now();
        String lastDay = Times.local(application.paidAt.plus(config.paidConfirmationTtl())).toLocalDate().toString();
        return notifications.enqueue("confirm-reminder:" + application.id, application.contactPhone, application.applicantIin,
                        "CONFIRMATION_REMINDER", List.of(lastDay), application.language)
                .chain(() -> remindEach(due, index + 1));
    }

    private Uni<Void> cancelUnconfirmedEach(List<Application> due, int index) {
        if (index == due.size()) {
            return Uni.createFrom().voidItem();
        }
        Application application = due.get(index);
        return end(application, ApplicationStatus.CANCELLED, ApplicationEnd.Why.NOT_CONFIRMED, "system",
                        "Not confirmed within " + config.paidConfirmationTtl().toDays() + " days of payment; refunded")
                .call(() -> notifications.enqueue("not-confirmed:" + application.id, application.contactPhone,
                        application.applicantIin, "NOT_CONFIRMED_CANCELLED", List.of(), application.language))
                .chain(() -> cancelUnconfirmedEach(due, index + 1));
    }

    public Uni<ApplicationView> view(Application application) {
        return view(application, Messages.RUSSIAN);
    }

    public Uni<ApplicationView> view(Application application, Locale locale) {
        return applications.events(List.of(application.id)).chain(events -> redirects.of(application, locale)
                .map(redirect -> ApplicationView.of(application, events, config.draftTtl(), redirect)));
    }

    private Uni<Void> record(Application application, String actor, ApplicationStatus from, Step step, String reason) {
        ApplicationEvent event = new ApplicationEvent();
        event.applicationId = application.id;
        event.occurredAt = now();
        event.actor = actor;
        event.fromStatus = from;
        event.toStatus = application.status;
        event.step = step;
        event.reason = reason;
        return event.persist().replaceWithVoid();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
