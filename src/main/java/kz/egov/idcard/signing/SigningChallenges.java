package kz.egov.idcard.signing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import kz.egov.idcard.application.Application;
import kz.egov.idcard.application.ApplicationService;
import kz.egov.idcard.application.Channel;
import kz.egov.idcard.application.Step;
import kz.egov.idcard.citizen.IdDocumentRegistry;
import kz.egov.idcard.citizen.PersonRecord;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.time.Times;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The signing challenges (docs/product.md R9): a text that embeds the digest of the application's
 * canonical content and a fresh nonce. One is open per application at a time; a signature is
 * accepted only over the open one, while it has not expired and the digest is still the content's.
 */
@ApplicationScoped
public class SigningChallenges {

    @RegisterForReflection
    @Schema(name = "SigningChallenge")
    public record ChallengeView(
            @Schema(maxLength = 1024, description = "Sign the UTF-8 bytes of this string", example = "eGov ID card replacement\napplication: 0b3c1e6a-6b0e-4a39-9d55-1f0c2c7e9a10\ndigest: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\nnonce: q3Jm0Wk8cQ0v5d2xYfTz1A\nexpires: 2026-11-28T10:05:00+05:00")
            String challenge,
            @Schema(maxLength = 64, pattern = "^[0-9a-f]{64}$", description = "SHA-256 of the application's canonical content, hex",
                    example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String digest,
            @Schema(example = "2026-11-28T10:05:00+05:00") OffsetDateTime expiresAt,
            @Schema(description = "The step this signature completes", example = "CONFIRMATION") Step step,
            @Schema(maxItems = 3, description = "How this channel can sign", example = "[\"DEVICE\"]") List<SigningMethod> methods) {
    }

    private final ApplicationService applications;
    private final IdDocumentRegistry documents;
    private final SigningConfig config;
    private final EdsTrust eds;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SigningChallenges(ApplicationService applications, IdDocumentRegistry documents, SigningConfig config, EdsTrust eds,
            Clock clock) {
        this.applications = applications;
        this.documents = documents;
        this.config = config;
        this.eds = eds;
        this.clock = clock;
    }

    /** The step a channel signs at: SIGNATURE on the web, CONFIRMATION (Face ID / Touch ID) on mobile. */
    public static Step signingStep(Channel channel) {
        return channel == Channel.WEB ? Step.SIGNATURE : Step.CONFIRMATION;
    }

    /** A new challenge for the step due; any open one is replaced. */
    public Uni<ChallengeView> issue(String iin, UUID applicationId) {
        return person(iin).chain(person -> Panache.withTransaction(() -> applications.owned(iin, applicationId)
                .chain(application -> {
                    Step step = signingStep(application.channel);
                    ApplicationService.requireNext(application, step);
                    OffsetDateTime now = OffsetDateTime.now(clock);
                    String digest = SigningContent.digest(application, person);
                    SigningChallenge challenge = new SigningChallenge();
                    challenge.id = UUID.randomUUID();
                    challenge.applicationId = applicationId;
                    challenge.step = step;
                    challenge.digest = digest;
                    challenge.createdAt = now;
                    challenge.expiresAt = now.plus(config.challengeTtl());
                    challenge.challenge = text(applicationId, digest, challenge.expiresAt);
                    return SigningChallenge.update("replacedAt = ?1 where applicationId = ?2 and usedAt is null and replacedAt is null",
                                    now, applicationId)
                            .chain(() -> challenge.persist())
                            .map(saved -> new ChallengeView(challenge.challenge, digest, Times.local(challenge.expiresAt), step,
                                    methods(step)));
                })));
    }

    /** The open challenge of the step, in the caller's session; null when there is none. */
    Uni<SigningChallenge> open(UUID applicationId, Step step) {
        return SigningChallenge.<SigningChallenge>find(
                "applicationId = ?1 and step = ?2 and usedAt is null and replacedAt is null order by createdAt desc",
                applicationId, step).firstResult();
    }

    /** Refuses a missing or expired challenge. */
    void requireOpen(SigningChallenge challenge) {
        if (challenge == null) {
            throw new ApiException(ErrorCode.SIGNING_CHALLENGE_REQUIRED);
        }
        if (!challenge.expiresAt.isAfter(OffsetDateTime.now(clock))) {
            throw new ApiException(ErrorCode.SIGNING_CHALLENGE_EXPIRED);
        }
    }

    /** Refuses a challenge that is not open, or whose digest is no longer the application's content. */
    void requireCurrent(Application application, PersonRecord person, SigningChallenge challenge) {
        requireOpen(challenge);
        if (!challenge.digest.equals(SigningContent.digest(application, person))) {
            throw new ApiException(ErrorCode.SIGNED_CONTENT_CHANGED);
        }
    }

    /** The registry's record of the citizen, which the content embeds. */
    Uni<PersonRecord> person(String iin) {
        return documents.findPerson(iin).map(found -> found.orElseThrow(() -> new ApiException(ErrorCode.CITIZEN_NOT_FOUND)));
    }

    private List<SigningMethod> methods(Step step) {
        if (step != Step.SIGNATURE) {
            return List.of(SigningMethod.DEVICE);
        }
        return eds.offered() ? List.of(SigningMethod.EDS, SigningMethod.SMS, SigningMethod.DEVICE)
                : List.of(SigningMethod.SMS, SigningMethod.DEVICE);
    }

    private String text(UUID applicationId, String digest, OffsetDateTime expiresAt) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        return "eGov ID card replacement\napplication: " + applicationId + "\ndigest: " + digest + "\nnonce: "
                + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce) + "\nexpires: "
                + Times.local(expiresAt).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
