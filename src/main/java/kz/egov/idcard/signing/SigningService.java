package kz.egov.idcard.signing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import kz.egov.idcard.application.Application;
import kz.egov.idcard.application.ApplicationService;
import kz.egov.idcard.application.ApplicationViews.ApplicationView;
import kz.egov.idcard.application.Channel;
import kz.egov.idcard.application.Step;
import kz.egov.idcard.audit.AuditLog;
import kz.egov.idcard.audit.AuditType;
import kz.egov.idcard.citizen.IdDocumentRegistry;
import kz.egov.idcard.citizen.PersonRecord;
import kz.egov.idcard.citizen.Phones;
import kz.egov.idcard.auth.OtpConfig;
import kz.egov.idcard.auth.keys.ServiceKeys;
import kz.egov.idcard.common.i18n.Messages;
import kz.egov.idcard.sms.SmsGateway;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.time.Times;
import kz.egov.idcard.common.web.ClientInfo;
import kz.egov.idcard.device.Device;
import kz.egov.idcard.device.DeviceKeys;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Signing (SPEC R9): the web SIGNATURE step and the mobile CONFIRMATION step. The citizen signs a
 * challenge that embeds the digest of the application's canonical content and a fresh nonce; the
 * signature is accepted only while that digest is still the content's, by a key the same citizen
 * enrolled, once.
 */
@ApplicationScoped
public class SigningService {

    private static final String DEVICE = "DEVICE";

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

    private record Signed(ApplicationView view, ErrorCode error, Integer attemptsLeft) {
        Signed(ApplicationView view, ErrorCode error) {
            this(view, error, null);
        }
    }

    @RegisterForReflection
    @Schema(name = "SigningSmsSent", description = "A code bound to the open challenge went to the login phone")
    public record SmsSent(
            @Schema(enumeration = {"SMS"}, example = "SMS") String method,
            @Schema(maxLength = 32, pattern = "^[+0-9 *]+$", example = "+7 701 *** ** 01") String maskedPhone,
            @Schema(description = "The code works until the challenge expires", example = "2026-11-28T10:05:00+05:00")
            OffsetDateTime expiresAt,
            @Schema(example = "2026-11-28T10:01:00+05:00") OffsetDateTime resendAvailableAt) {
    }

    private final ApplicationService applications;
    private final IdDocumentRegistry documents;
    private final AuditLog audit;
    private final SigningConfig config;
    private final OtpConfig otp;
    private final ServiceKeys keys;
    private final SmsGateway sms;
    private final Messages messages;
    private final EdsTrust eds;
    private final EdsRevocation revocation;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SigningService(ApplicationService applications, IdDocumentRegistry documents, AuditLog audit, SigningConfig config,
            OtpConfig otp, ServiceKeys keys, SmsGateway sms, Messages messages, EdsTrust eds, EdsRevocation revocation, Clock clock) {
        this.applications = applications;
        this.documents = documents;
        this.audit = audit;
        this.config = config;
        this.otp = otp;
        this.keys = keys;
        this.sms = sms;
        this.messages = messages;
        this.eds = eds;
        this.revocation = revocation;
        this.clock = clock;
    }

    private List<SigningMethod> methods(Step step) {
        if (step != Step.SIGNATURE) {
            return List.of(SigningMethod.DEVICE);
        }
        return eds.offered() ? List.of(SigningMethod.EDS, SigningMethod.SMS, SigningMethod.DEVICE)
                : List.of(SigningMethod.SMS, SigningMethod.DEVICE);
    }

    /**
     * Web EDS signing: a CMS SignedData over the open challenge, checked off the event loop before
     * the transaction that accepts it; a refusal is audited and names its reason.
     */
    public Uni<ApplicationView> signWithEds(String iin, UUID applicationId, byte[] cms, Locale locale, ClientInfo client) {
        if (!eds.offered()) {
            throw new ApiException(ErrorCode.EDS_INVALID).with("reason", "NOT_TRUSTED");
        }
        return person(iin).chain(person -> Panache.withSession(() -> applications.owned(iin, applicationId)
                        .invoke(application -> ApplicationService.requireNext(application, Step.SIGNATURE))
                        .chain(() -> openChallenge(applicationId, Step.SIGNATURE)))
                .invoke(challenge -> requireOpen(challenge, OffsetDateTime.now(clock)))
                .chain(challenge -> kz.egov.idcard.common.Blocking.onWorker(() -> EdsVerifier.verify(cms, challenge.challenge, iin,
                                eds.anchors(), java.util.Date.from(clock.instant())))
                        .chain(revocation::check)
                        .onFailure(EdsVerifier.EdsException.class)
                        .recoverWithItem(refused -> ((EdsVerifier.EdsException) refused).failure())
                        .chain(failure -> failure != null
                                ? Panache.withTransaction(() -> audit.record(AuditType.SIGNATURE_REJECTED, iin,
                                                "application:" + applicationId, failure.name(), client, Map.of("method", "EDS")))
                                        .chain(() -> Uni.createFrom().<ApplicationView>failure(
                                                new ApiException(ErrorCode.EDS_INVALID).with("reason", failure.name())))
                                : Panache.withTransaction(() -> lockedOwned(iin, applicationId).chain(application -> {
                                    ApplicationService.requireNext(application, Step.SIGNATURE);
                                    return openChallenge(applicationId, Step.SIGNATURE).chain(current -> {
                                        if (current == null || !current.id.equals(challenge.id)) {
                                            throw new ApiException(ErrorCode.SIGNING_CHALLENGE_REQUIRED);
                                        }
                                        return check(application, person, current)
                                                .chain(() -> accept(application, current, "EDS", null, cms, locale, client));
                                    });
                                })))));
    }

    /**
     * Web SMS signing, first half: a 6-digit code bound to the open SIGNATURE challenge goes to the
     * login phone (same rules as the login code: keyed hash only, cooldown, three wrong codes).
     */
    public Uni<SmsSent> sendSmsCode(String iin, UUID applicationId, String phone, Locale locale, ClientInfo client) {
        String code = String.format("%06d", random.nextInt(1_000_000));
        return Panache.withTransaction(() -> lockedOwned(iin, applicationId).chain(application -> {
                    ApplicationService.requireNext(application, Step.SIGNATURE);
                    return openChallenge(applicationId, Step.SIGNATURE);
                })
                .map(challenge -> {
                    OffsetDateTime now = OffsetDateTime.now(clock);
                    requireOpen(challenge, now);
                    if (challenge.smsSentAt != null && challenge.smsSentAt.plus(otp.resendCooldown()).isAfter(now)) {
                        long wait = java.time.Duration.between(now, challenge.smsSentAt.plus(otp.resendCooldown())).toSeconds() + 1;
                        throw new ApiException(ErrorCode.OTP_RESEND_COOLDOWN).retryAfter(wait);
                    }
                    challenge.smsCodeHash = codeHash(challenge.id, code);
                    challenge.smsSentAt = now;
                    challenge.smsFailedAttempts = 0;
                    return new SmsSent("SMS", Phones.mask(phone), Times.local(challenge.expiresAt),
                            Times.local(now.plus(otp.resendCooldown())));
                }))
                .call(sent -> sms.send(phone, messages.get(locale, "sms.signature", code, otp.ttl().toMinutes()))
                        // A code that never went out binds nothing and starts no cooldown (as at login).
                        .onFailure().call(() -> Panache.withTransaction(() -> openChallenge(applicationId, Step.SIGNATURE)
                                .invoke(challenge -> {
                                    if (challenge != null) {
                                        challenge.smsCodeHash = null;
                                        challenge.smsSentAt = null;
                                    }
                                }))));
    }

    /** Web SMS signing, second half: the code from the SMS signs the challenge it was bound to. */
    public Uni<ApplicationView> signWithSmsCode(String iin, UUID applicationId, String code, Locale locale, ClientInfo client) {
        return person(iin).chain(person -> Panache.<Signed>withTransaction(() -> lockedOwned(iin, applicationId)
                .chain(application -> {
                    ApplicationService.requireNext(application, Step.SIGNATURE);
                    return openChallenge(applicationId, Step.SIGNATURE).chain(challenge -> {
                        if (challenge == null || challenge.smsCodeHash == null) {
                            throw new ApiException(ErrorCode.SIGNING_CHALLENGE_REQUIRED);
                        }
                        return check(application, person, challenge).chain(() -> {
                            if (!MessageDigest.isEqual(challenge.smsCodeHash, codeHash(challenge.id, code))) {
                                challenge.smsFailedAttempts++;
                                int left = Math.max(0, otp.maxAttempts() - challenge.smsFailedAttempts);
                                if (left == 0) {
                                    challenge.replacedAt = OffsetDateTime.now(clock);
                                }
                                return audit.record(AuditType.SIGNATURE_REJECTED, iin, "application:" + applicationId,
                                                left == 0 ? "LOCKED" : "WRONG_CODE", client, Map.of("method", "SMS"))
                                        .replaceWith(new Signed(null, left == 0 ? ErrorCode.OTP_LOCKED : ErrorCode.OTP_INVALID, left));
                            }
                            return accept(application, challenge, "SMS", null, challenge.smsCodeHash, locale, client)
                                    .map(view -> new Signed(view, null));
                        });
                    });
                }))
                .map(signed -> {
                    if (signed.error() != null) {
                        ApiException refusal = new ApiException(signed.error());
                        if (signed.attemptsLeft() != null) {
                            refusal.with("attemptsLeft", signed.attemptsLeft());
                        }
                        throw refusal;
                    }
                    return signed.view();
                }));
    }

    private static Uni<Application> lockedOwned(String iin, UUID applicationId) {
        return Application.<Application>find("id = ?1 and applicantIin = ?2", applicationId, iin)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .map(application -> {
                    if (application == null) {
                        throw new ApiException(ErrorCode.APPLICATION_NOT_FOUND);
                    }
                    return application;
                });
    }

    private static Uni<SigningChallenge> openChallenge(UUID applicationId, Step step) {
        return SigningChallenge.<SigningChallenge>find(
                "applicationId = ?1 and step = ?2 and usedAt is null and replacedAt is null order by createdAt desc",
                applicationId, step).firstResult();
    }

    private void requireOpen(SigningChallenge challenge, OffsetDateTime now) {
        if (challenge == null) {
            throw new ApiException(ErrorCode.SIGNING_CHALLENGE_REQUIRED);
        }
        if (!challenge.expiresAt.isAfter(now)) {
            throw new ApiException(ErrorCode.SIGNING_CHALLENGE_EXPIRED);
        }
    }

    private byte[] codeHash(UUID challengeId, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.otpHashKey());
            return mac.doFinal(("signature:" + challengeId + ":" + code).getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The step a channel signs at: SIGNATURE on the web, CONFIRMATION (Face ID / Touch ID) on mobile. */
    public static Step signingStep(Channel channel) {
        return channel == Channel.WEB ? Step.SIGNATURE : Step.CONFIRMATION;
    }

    public Uni<ChallengeView> challenge(String iin, UUID applicationId) {
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

    /** A device-key signature over the open challenge, for the given step. */
    public Uni<ApplicationView> signWithDevice(String iin, UUID applicationId, Step step, UUID deviceId, byte[] signature,
            Locale locale, ClientInfo client) {
        return person(iin).chain(person -> Panache.<Signed>withTransaction(() -> Application.<Application>find(
                        "id = ?1 and applicantIin = ?2", applicationId, iin)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(application -> {
                    if (application == null) {
                        throw new ApiException(ErrorCode.APPLICATION_NOT_FOUND);
                    }
                    ApplicationService.requireNext(application, step);
                    return SigningChallenge.<SigningChallenge>find(
                                    "applicationId = ?1 and step = ?2 and usedAt is null and replacedAt is null order by createdAt desc",
                                    applicationId, step).firstResult()
                            .chain(challenge -> check(application, person, challenge)
                                    .chain(() -> device(deviceId, iin))
                                    .chain(device -> {
                                        if (device == null) {
                                            throw new ApiException(ErrorCode.DEVICE_NOT_FOUND);
                                        }
                                        boolean valid = DeviceKeys.parseP256(Base64.getEncoder().encodeToString(device.publicKey))
                                                .map(key -> DeviceSignatures.verify(key,
                                                        challenge.challenge.getBytes(StandardCharsets.UTF_8), signature))
                                                .orElse(false);
                                        if (!valid) {
                                            return audit.record(AuditType.SIGNATURE_REJECTED, iin, "application:" + applicationId,
                                                            "INVALID", client, Map.of("method", DEVICE, "device", device.id.toString()))
                                                    .replaceWith(new Signed(null, ErrorCode.SIGNATURE_INVALID));
                                        }
                                        return accept(application, challenge, DEVICE, device, signature, locale, client)
                                                .map(view -> new Signed(view, null));
                                    }));
                }))
                .map(signed -> {
                    if (signed.error() != null) {
                        throw new ApiException(signed.error());
                    }
                    return signed.view();
                }));
    }

    private Uni<Void> check(Application application, PersonRecord person, SigningChallenge challenge) {
        requireOpen(challenge, OffsetDateTime.now(clock));
        if (!challenge.digest.equals(SigningContent.digest(application, person))) {
            throw new ApiException(ErrorCode.SIGNED_CONTENT_CHANGED);
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<ApplicationView> accept(Application application, SigningChallenge challenge, String method, Device device,
            byte[] signature, Locale locale, ClientInfo client) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        challenge.usedAt = now;
        ApplicationSignature record = new ApplicationSignature();
        record.id = UUID.randomUUID();
        record.applicationId = application.id;
        record.step = challenge.step;
        record.method = method;
        record.challengeId = challenge.id;
        record.digest = challenge.digest;
        record.deviceId = device == null ? null : device.id;
        record.signature = signature;
        record.signedAt = now;
        record.valid = true;
        return record.persist()
                .call(() -> audit.record(AuditType.SIGNATURE_ACCEPTED, application.applicantIin, "application:" + application.id,
                        "OK", client, Map.of("method", method, "device", device == null ? "-" : device.id.toString(),
                                "step", challenge.step.name(), "digest", challenge.digest)))
                .chain(() -> applications.finishStep(application, challenge.step, ApplicationService.citizen(application.applicantIin),
                        device != null ? "Signed with the key of device " + device.name
                                : "EDS".equals(method) ? "Signed with an EDS" : "Signed with a code sent by SMS"))
                .chain(done -> applications.view(done, locale));
    }

    private static Uni<Device> device(UUID deviceId, String iin) {
        return Device.<Device>find("id = ?1 and ownerIin = ?2 and removedAt is null", deviceId, iin).firstResult();
    }

    private Uni<PersonRecord> person(String iin) {
        return documents.findPerson(iin).map(found -> found.orElseThrow(() -> new ApiException(ErrorCode.CITIZEN_NOT_FOUND)));
    }

    private String text(UUID applicationId, String digest, OffsetDateTime expiresAt) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        return "eGov ID card replacement\napplication: " + applicationId + "\ndigest: " + digest + "\nnonce: "
                + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce) + "\nexpires: "
                + Times.local(expiresAt).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
