package kz.egov.idcard.signing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import kz.egov.idcard.application.Application;
import kz.egov.idcard.application.ApplicationService;
import kz.egov.idcard.application.ApplicationViews.ApplicationView;
import kz.egov.idcard.application.Step;
import kz.egov.idcard.auth.AuthKeys;
import kz.egov.idcard.auth.OtpConfig;
import kz.egov.idcard.citizen.PersonRecord;
import kz.egov.idcard.citizen.Phones;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.error.Refusal;
import kz.egov.idcard.common.i18n.Messages;
import kz.egov.idcard.common.time.Times;
import kz.egov.idcard.common.web.ClientInfo;
import kz.egov.idcard.sms.SmsGateway;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Web SMS signing: a 6-digit code bound to the open SIGNATURE challenge goes to the login phone,
 * with the login code's rules (keyed hash only, resend cooldown, three wrong codes); the code then
 * signs the challenge it was bound to.
 */
@ApplicationScoped
public class SmsSigner {

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
    private final SigningChallenges challenges;
    private final Signatures signatures;
    private final OtpConfig otp;
    private final AuthKeys keys;
    private final SmsGateway sms;
    private final Messages messages;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SmsSigner(ApplicationService applications, SigningChallenges challenges, Signatures signatures, OtpConfig otp,
            AuthKeys keys, SmsGateway sms, Messages messages, Clock clock) {
        this.applications = applications;
        this.challenges = challenges;
        this.signatures = signatures;
        this.otp = otp;
        this.keys = keys;
        this.sms = sms;
        this.messages = messages;
        this.clock = clock;
    }

    /** First half: binds a fresh code to the open challenge and sends it to the login phone. */
    public Uni<SmsSent> sendCode(String iin, UUID applicationId, String phone, Locale locale, ClientInfo client) {
        String code = String.format("%06d", random.nextInt(1_000_000));
        return Panache.withTransaction(() -> openChallenge(iin, applicationId).map(challenge -> bind(challenge, code, phone)))
                .call(sent -> sms.send(phone, messages.get(locale, "sms.signature", code, otp.ttl().toMinutes()))
                        // A code that never went out binds nothing and starts no cooldown (as at login).
                        .onFailure().call(() -> Panache.withTransaction(() -> challenges.open(applicationId, Step.SIGNATURE)
                                .invoke(challenge -> {
                                    if (challenge != null) {
                                        challenge.smsCodeHash = null;
                                        challenge.smsSentAt = null;
                                    }
                                }))));
    }

    private Uni<SigningChallenge> openChallenge(String iin, UUID applicationId) {
        return applications.lockOwned(iin, applicationId)
                .invoke(application -> ApplicationService.requireNext(application, Step.SIGNATURE))
                .chain(() -> challenges.open(applicationId, Step.SIGNATURE));
    }

    private SmsSent bind(SigningChallenge challenge, String code, String phone) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        challenges.requireOpen(challenge);
        if (challenge.smsSentAt != null && challenge.smsSentAt.plus(otp.resendCooldown()).isAfter(now)) {
            long wait = Duration.between(now, challenge.smsSentAt.plus(otp.resendCooldown())).toSeconds() + 1;
            throw new ApiException(ErrorCode.OTP_RESEND_COOLDOWN).retryAfter(wait);
        }
        challenge.smsCodeHash = codeHash(challenge.id, code);
        challenge.smsSentAt = now;
        challenge.smsFailedAttempts = 0;
        return new SmsSent("SMS", Phones.mask(phone), Times.local(challenge.expiresAt), Times.local(now.plus(otp.resendCooldown())));
    }

    /** Second half: the code from the SMS signs the challenge it was bound to; a wrong one is counted, then refused. */
    public Uni<ApplicationView> sign(String iin, UUID applicationId, String code, Locale locale, ClientInfo client) {
        return challenges.person(iin)
                .chain(person -> Panache.withTransaction(() -> applications.lockOwned(iin, applicationId)
                        .chain(application -> {
                            ApplicationService.requireNext(application, Step.SIGNATURE);
                            return challenges.open(applicationId, Step.SIGNATURE)
                                    .chain(challenge -> check(application, person, challenge, code, locale, client));
                        })))
                .map(Refusal::orThrow);
    }

    private Uni<Refusal<ApplicationView>> check(Application application, PersonRecord person, SigningChallenge challenge, String code,
            Locale locale, ClientInfo client) {
        if (challenge == null || challenge.smsCodeHash == null) {
            throw new ApiException(ErrorCode.SIGNING_CHALLENGE_REQUIRED);
        }
        challenges.requireCurrent(application, person, challenge);
        if (MessageDigest.isEqual(challenge.smsCodeHash, codeHash(challenge.id, code))) {
            return signatures.accept(application, challenge, SigningMethod.SMS, null, challenge.smsCodeHash, locale, client)
                    .map(Refusal::none);
        }
        challenge.smsFailedAttempts++;
        int left = Math.max(0, otp.maxAttempts() - challenge.smsFailedAttempts);
        if (left == 0) {
            challenge.replacedAt = OffsetDateTime.now(clock);
        }
        return signatures.refuse(application.applicantIin, application.id, left == 0 ? "LOCKED" : "WRONG_CODE", client,
                Map.of("method", "SMS"), new ApiException(left == 0 ? ErrorCode.OTP_LOCKED : ErrorCode.OTP_INVALID)
                        .with("attemptsLeft", left));
    }

    private byte[] codeHash(UUID challengeId, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.otpHashKey());
            return mac.doFinal(("signature:" + challengeId + ":" + code).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
