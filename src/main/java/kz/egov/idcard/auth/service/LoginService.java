package kz.egov.idcard.auth.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import kz.egov.idcard.audit.AuditLog;
import kz.egov.idcard.audit.AuditType;
import kz.egov.idcard.auth.OtpConfig;
import kz.egov.idcard.auth.keys.ServiceKeys;
import kz.egov.idcard.auth.model.OtpChallenge;
import kz.egov.idcard.auth.repository.OtpChallengeRepository;
import kz.egov.idcard.citizen.MobileCitizensRegistry;
import kz.egov.idcard.citizen.Phones;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.i18n.Messages;
import kz.egov.idcard.common.web.ClientInfo;
import kz.egov.idcard.sms.SmsGateway;

/**
 * Digital ID login: the IIN and phone are checked together in the mobile citizens database, a
 * one-time code goes out by SMS, and the right code opens a session.
 */
@ApplicationScoped
public class LoginService {

    private final OtpChallengeRepository challenges;
    private final MobileCitizensRegistry citizens;
    private final SmsGateway sms;
    private final SessionService sessions;
    private final AuditLog audit;
    private final ServiceKeys keys;
    private final OtpConfig config;
    private final Messages messages;
    private final Clock clock;
    private final OtpRules rules;
    private final SecureRandom random = new SecureRandom();

    public LoginService(OtpChallengeRepository challenges, MobileCitizensRegistry citizens, SmsGateway sms,
            SessionService sessions, AuditLog audit, ServiceKeys keys, OtpConfig config, Messages messages, Clock clock) {
        this.challenges = challenges;
        this.citizens = citizens;
        this.sms = sms;
        this.sessions = sessions;
        this.audit = audit;
        this.keys = keys;
        this.config = config;
        this.messages = messages;
        this.clock = clock;
        this.rules = new OtpRules(config);
    }

    public Uni<OtpChallenge> requestCode(String iin, String phone, Locale locale, ClientInfo client) {
        // A cheap look first, so a caller over the limit does not reach the registry at all.
        return Panache.withSession(() -> checkLimits(iin, phone, now()))
                .chain(() -> citizens.isRegistered(iin, phone))
                .chain(registered -> Panache.withTransaction(() -> challenges.lockRequestsFor(iin, phone)
                        .chain(() -> checkLimits(iin, phone, now()))
                        .chain(() -> record(iin, phone, registered, client))))
                .chain(issued -> {
                    if (issued.challenge().status == OtpChallenge.Status.REFUSED) {
                        return Uni.createFrom().failure(new ApiException(ErrorCode.PHONE_NOT_REGISTERED));
                    }
                    String text = messages.get(locale, "sms.otp", issued.code(), config.ttl().toMinutes());
                    return sms.send(phone, text)
                            .replaceWith(issued.challenge())
                            .onFailure().call(failure -> markSendFailed(issued.challenge().id, client));
                });
    }

    public Uni<Tokens> verify(UUID challengeId, String code, ClientInfo client) {
        return Panache.withTransaction(() -> challenges.findForUpdate(challengeId)
                        .chain(challenge -> check(challenge, code, client)))
                .map(outcome -> {
                    if (outcome.error() != null) {
                        ApiException refusal = new ApiException(outcome.error());
                        if (outcome.attemptsLeft() != null) {
                            refusal.with("attemptsLeft", outcome.attemptsLeft());
                        }
                        throw refusal;
                    }
                    return outcome.tokens();
                });
    }

    private Uni<Verification> check(OtpChallenge challenge, String code, ClientInfo client) {
        boolean matches = challenge != null && challenge.codeHash != null
                && MessageDigest.isEqual(challenge.codeHash, codeHash(challenge.id, code));
        OtpRules.Verdict verdict = rules.judge(challenge, matches, now());
        return switch (verdict) {
            case NOT_FOUND -> refuse(ErrorCode.OTP_CHALLENGE_NOT_FOUND, null);
            case ALREADY_USED -> refuse(ErrorCode.OTP_ALREADY_USED, null);
            case LOCKED -> refuse(ErrorCode.OTP_LOCKED, 0);
            case EXPIRED -> refuse(ErrorCode.OTP_EXPIRED, null);
            case JUST_LOCKED -> audit.record(AuditType.OTP_LOCKED, challenge.iin, "otp:" + challenge.id, "LOCKED", client,
                            Map.of("failedAttempts", challenge.failedAttempts))
                    .replaceWith(Verification.refused(ErrorCode.OTP_LOCKED, 0));
            case WRONG -> audit.record(AuditType.OTP_VERIFY_FAILED, challenge.iin, "otp:" + challenge.id, "WRONG_CODE",
                            client, Map.of("failedAttempts", challenge.failedAttempts))
                    .replaceWith(Verification.refused(ErrorCode.OTP_INVALID, rules.attemptsLeft(challenge)));
            case VERIFIED -> sessions.open(challenge.iin, challenge.phone)
                    .call(() -> audit.record(AuditType.LOGIN, challenge.iin, "otp:" + challenge.id, "OK", client,
                            Map.of("phone", Phones.mask(challenge.phone))))
                    .map(Verification::ok);
        };
    }

    private static Uni<Verification> refuse(ErrorCode code, Integer attemptsLeft) {
        return Uni.createFrom().item(Verification.refused(code, attemptsLeft));
    }

    /** Refuses with 429 and Retry-After while the phone is cooling down or over an hourly limit. */
    private Uni<Void> checkLimits(String iin, String phone, OffsetDateTime now) {
        OffsetDateTime since = now.minus(OtpRules.WINDOW);
        return challenges.forPhoneSince(phone, since)
                .chain(byPhone -> challenges.forIinSince(iin, since)
                        .invoke(byIin -> rules.checkRequest(byPhone, byIin, now)))
                .replaceWithVoid();
    }

    private Uni<Issued> record(String iin, String phone, boolean registered, ClientInfo client) {
        OffsetDateTime now = now();
        OtpChallenge challenge = new OtpChallenge();
        challenge.id = UUID.randomUUID();
        challenge.iin = iin;
        challenge.phone = phone;
        challenge.createdAt = now;
        challenge.expiresAt = now.plus(config.ttl());
        challenge.resendAvailableAt = now.plus(config.resendCooldown());
        String code = null;
        if (registered) {
            code = String.format("%06d", random.nextInt(1_000_000));
            challenge.status = OtpChallenge.Status.SENT;
            challenge.codeHash = codeHash(challenge.id, code);
        } else {
            challenge.status = OtpChallenge.Status.REFUSED;
        }
        String sentCode = code;
        return challenges.persist(challenge)
                .call(() -> audit.record(registered ? AuditType.OTP_SENT : AuditType.OTP_REFUSED, iin,
                        "otp:" + challenge.id, registered ? "SENT" : "PHONE_NOT_REGISTERED", client,
                        Map.of("phone", Phones.mask(phone))))
                .replaceWith(new Issued(challenge, sentCode));
    }

    private Uni<Void> markSendFailed(UUID challengeId, ClientInfo client) {
        return Panache.withTransaction(() -> challenges.findForUpdate(challengeId).chain(challenge -> {
            challenge.status = OtpChallenge.Status.SEND_FAILED;
            challenge.codeHash = null;
            return audit.record(AuditType.OTP_SEND_FAILED, challenge.iin, "otp:" + challenge.id, "SMS_UNAVAILABLE",
                    client, Map.of("phone", Phones.mask(challenge.phone)));
        }));
    }

    /** Codes are kept only as HMAC(key, challenge id + code), so a database dump reveals no code. */
    private byte[] codeHash(UUID challengeId, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.otpHashKey());
            return mac.doFinal((challengeId + ":" + code).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private record Issued(OtpChallenge challenge, String code) {
    }

    private record Verification(Tokens tokens, ErrorCode error, Integer attemptsLeft) {
        static Verification ok(Tokens tokens) {
            return new Verification(tokens, null, null);
        }

        static Verification refused(ErrorCode error, Integer attemptsLeft) {
            return new Verification(null, error, attemptsLeft);
        }
    }
}
