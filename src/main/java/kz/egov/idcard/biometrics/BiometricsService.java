package kz.egov.idcard.biometrics;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import kz.egov.idcard.application.Application;
import kz.egov.idcard.application.ApplicationService;
import kz.egov.idcard.application.ApplicationStatus;
import kz.egov.idcard.application.ApplicationViews.ApplicationView;
import kz.egov.idcard.application.Step;
import kz.egov.idcard.audit.AuditLog;
import kz.egov.idcard.audit.AuditType;
import kz.egov.idcard.citizen.IdDocumentRegistry;
import kz.egov.idcard.citizen.PersonRecord;
import kz.egov.idcard.citizen.ReferencePhoto;
import kz.egov.idcard.common.Blocking;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.image.ImageFormat;
import kz.egov.idcard.common.web.ClientInfo;
import org.jboss.logging.Logger;

/**
 * The BIOMETRICS step (docs/product.md R6, R7): the selfie against the registry photo. A match completes the
 * step; misses count down the allowed attempts; the last miss, or a face that cannot be processed,
 * sends the citizen to a Public Service Center. A bad picture or a matcher outage uses no attempt.
 */
@ApplicationScoped
public class BiometricsService {

    private static final Logger LOG = Logger.getLogger(BiometricsService.class);

    /** What the citizen is told after an attempt: never the matcher's score, from which pictures could be tuned. */
    public record Outcome(String result, int attemptsLeft, ApplicationView application) {
    }

    private final ApplicationService applications;
    private final IdDocumentRegistry documents;
    private final FaceMatcher matcher;
    private final BiometricVault vault;
    private final AuditLog audit;
    private final BiometricsConfig config;
    private final BiometricAttemptRepository attempts;
    private final Clock clock;

    public BiometricsService(ApplicationService applications, IdDocumentRegistry documents, FaceMatcher matcher,
            BiometricVault vault, AuditLog audit, BiometricsConfig config, BiometricAttemptRepository attempts, Clock clock) {
        this.attempts = attempts;
        this.applications = applications;
        this.documents = documents;
        this.matcher = matcher;
        this.vault = vault;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    public Uni<Outcome> attempt(String iin, UUID applicationId, String selfieBase64, Locale locale, ClientInfo client) {
        return Blocking.onWorker(() -> Images.decodeBase64("selfie", selfieBase64, Images.Limits.of(config)))
                .chain(selfie -> Panache.withSession(() -> applications.owned(iin, applicationId)
                                .invoke(application -> ApplicationService.requireNext(application, Step.BIOMETRICS))
                                .chain(() -> attempts.citizenMissesSince(iin, missesSince())))
                        .chain(misses -> misses >= config.maxMissesPerCitizen()
                                ? person(iin).chain(person -> exhausted(iin, applicationId, person, locale, client))
                                : match(iin, applicationId, selfie, locale, client)));
    }

    private Uni<Outcome> match(String iin, UUID applicationId, Image selfie, Locale locale, ClientInfo client) {
        return documents.referencePhoto(iin).chain(photo -> photo.isEmpty()
                ? Uni.createFrom().<FaceMatch>nullItem()
                : compare(reference(photo.get()), selfie))
                .chain(match -> personUnlessMatched(iin, match)
                        .chain(person -> record(iin, applicationId, selfie, match, person, locale, client)));
    }

    /** The registry's record of the citizen, whose region a redirect names; null when it has none. */
    private Uni<PersonRecord> person(String iin) {
        return documents.findPerson(iin).map(found -> found.orElse(null));
    }

    /** A match redirects nobody, so the registry is not asked for the citizen's record after one. */
    private Uni<PersonRecord> personUnlessMatched(String iin, FaceMatch match) {
        return match != null && match.decision() == FaceMatch.Decision.MATCH ? Uni.createFrom().nullItem() : person(iin);
    }

    /**
     * The citizen has used up their misses (on this or earlier applications): the matcher is not
     * asked again, and they are sent to a Public Service Center at once.
     */
    private Uni<Outcome> exhausted(String iin, UUID applicationId, PersonRecord person, Locale locale, ClientInfo client) {
        return Panache.withTransaction(() -> applications.lockOwned(iin, applicationId).chain(application -> {
            ApplicationService.requireNext(application, Step.BIOMETRICS);
            return redirect(application, "ATTEMPTS_EXHAUSTED", person, client)
                    .chain(result -> applications.view(application, locale).map(view -> new Outcome(result, 0, view)));
        }));
    }

    /**
     * The misses counted against the allowance, in the application's terms: its own, or the
     * citizen's across applications, whichever leaves fewer attempts.
     */
    private long missesCounted(long applicationMisses, long citizenMisses) {
        return Math.max(applicationMisses, citizenMisses + config.maxAttempts() - config.maxMissesPerCitizen());
    }

    private OffsetDateTime missesSince() {
        return OffsetDateTime.now(clock).minus(config.missesWindow());
    }

    /**
     * The registry's photo as the matcher is given it: its type recognised by its bytes. It is not
     * decoded here; the vendor's service reads it, and the sandbox's matcher decodes each distinct
     * photo once.
     */
    private static ReferencePhoto reference(ReferencePhoto photo) {
        ImageFormat format = ImageFormat.sniff(photo.bytes()).orElseThrow(() -> {
            LOG.warn("The registry's reference photo is not a JPEG or PNG");
            return new ApiException(ErrorCode.REGISTRY_UNAVAILABLE).retryAfter(60);
        });
        return new ReferencePhoto(photo.bytes(), format.mediaType());
    }

    private Uni<FaceMatch> compare(ReferencePhoto reference, Image selfie) {
        return matcher.compare(reference, selfie).onFailure(failure -> !(failure instanceof ApiException)).transform(failure -> {
            LOG.warnf("Face matcher unavailable: %s", failure.toString());
            return new ApiException(ErrorCode.BIOMETRICS_UNAVAILABLE).retryAfter(30);
        });
    }

    /**
     * Records the attempt and its consequence in one transaction, with the application locked so
     * that parallel attempts are counted one after the other. A null match means the registry has
     * no photo to compare with: only a Public Service Center can identify the citizen.
     */
    private Uni<Outcome> record(String iin, UUID applicationId, Image selfie, FaceMatch match, PersonRecord person,
            Locale locale, ClientInfo client) {
        FaceMatch decided = match != null ? match : new FaceMatch(FaceMatch.Decision.CANNOT_PROCESS, 0, FaceMatch.Quality.UNUSABLE);
        return Panache.withTransaction(() -> applications.lockOwned(iin, applicationId)
                .chain(application -> {
                    ApplicationService.requireNext(application, Step.BIOMETRICS);
                    return attempts.missesOf(applicationId, iin, missesSince())
                            .map(earlier -> missesCounted(earlier.ofApplication(), earlier.ofCitizen()))
                            .chain(earlierMisses -> {
                                long misses = earlierMisses + (decided.decision() == FaceMatch.Decision.NO_MATCH ? 1 : 0);
                                return save(application, selfie, decided)
                                        .call(() -> audit.record(AuditType.BIOMETRIC_ATTEMPT, iin, "application:" + applicationId,
                                                decided.decision().name(), client, Map.of("score", decided.score(),
                                                        "quality", decided.quality().name(), "matcher", matcher.name())))
                                        .chain(() -> consequence(application, decided, match == null, misses, person, client))
                                        .chain(result -> applications.view(application, locale).map(view -> new Outcome(result,
                                                attemptsLeft(result, misses), view)));
                            });
                }));
    }

    private Uni<String> consequence(Application application, FaceMatch match, boolean noReference, long misses,
            PersonRecord person, ClientInfo client) {
        String actor = ApplicationService.citizen(application.applicantIin);
        switch (match.decision()) {
            case MATCH:
                // The score stays in the audit log (BIOMETRIC_ATTEMPT); the history is the citizen's, who never sees a score.
                return applications.completeStep(application, Step.BIOMETRICS, actor, "Face matched")
                        .replaceWith("MATCH");
            case NO_MATCH:
                if (misses < config.maxAttempts()) {
                    return Uni.createFrom().item("NO_MATCH");
                }
                return redirect(application, "BIOMETRIC_NO_MATCH", person, client);
            default:
                return redirect(application, noReference ? "NO_REFERENCE_PHOTO" : "BIOMETRIC_CANNOT_PROCESS", person, client);
        }
    }

    private Uni<String> redirect(Application application, String reason, PersonRecord person, ClientInfo client) {
        String region = person != null && person.regionCode() != null ? person.regionCode() : null;
        return applications.redirectToTson(application, region, reason)
                .call(() -> audit.record(AuditType.APPLICATION_REDIRECTED, application.applicantIin,
                        "application:" + application.id, reason, client, Map.of()))
                .replaceWith("REDIRECTED_TO_TSON");
    }

    private int attemptsLeft(String result, long misses) {
        return "REDIRECTED_TO_TSON".equals(result) ? 0 : (int) Math.max(0, config.maxAttempts() - misses);
    }

    private Uni<BiometricAttempt> save(Application application, Image selfie, FaceMatch match) {
        BiometricVault.Sealed sealed = vault.seal(application.id, selfie.bytes());
        BiometricAttempt attempt = new BiometricAttempt();
        attempt.id = UUID.randomUUID();
        attempt.applicationId = application.id;
        attempt.applicantIin = application.applicantIin;
        attempt.attemptedAt = OffsetDateTime.now(clock);
        attempt.matcher = matcher.name();
        attempt.decision = match.decision();
        attempt.score = BigDecimal.valueOf(match.score()).setScale(4, RoundingMode.HALF_UP);
        attempt.quality = match.quality();
        attempt.selfieType = selfie.format().mediaType();
        attempt.selfieKeyId = sealed.keyId();
        attempt.selfieNonce = sealed.nonce();
        attempt.selfieSealed = sealed.ciphertext();
        applications.touch(application);
        return attempt.persist();
    }

    /** Erases the sealed selfies whose attempt is older than the retention time (docs/product.md R7). */
    public Uni<Integer> eraseExpiredSelfies() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return attempts.eraseSelfiesBefore(now.minus(config.retention()), now)
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("Erased %d selfies older than %s", count, config.retention());
                    }
                });
    }

}
