package kz.egov.idcard.auth;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.annotations.RegisterForReflection;
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
import kz.egov.idcard.citizen.MobileCitizensRegistry;
import kz.egov.idcard.citizen.Phones;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;
import kz.egov.idcard.common.i18n.Messages;
import kz.egov.idcard.common.idempotency.IdempotencyService;
import kz.egov.idcard.common.web.ClientInfo;
import kz.egov.idcard.sms.SmsGateway;

/**
 * Digital ID login: the IIN and phone are checked together in the mobile citizens database, a
 * one-time code goes out by SMS, and the right code opens a session.
 */
@ApplicationScoped
public class LoginService {

    private static final String OTP_SCOPE = "POST /auth/otp";

    private final OtpChallengeRepository challenges;
    private final MobileCitizensRegistry citizens;
    private final SmsGateway sms;
    private final SessionService sessions;
    private final AuditLog audit;
    private final AuthKeys keys;
    private final OtpConfig config;
    private final Messages messages;
    private final Clock clock;
    private final OtpRules rules;
    private final IdempotencyService idempotency;
    private final SecureRandom random = new SecureRandom();

    public LoginService(OtpChallengeRepository challenges, MobileCitizensRegistry citizens, SmsGateway sms,
            SessionService sessions, AuditLog audit, AuthKeys keys, OtpConfig config, Messages messages, Clock clock,
            IdempotencyService idempotency) {
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
        this.idempotency = idempotency;
    }

    /**
     * Sends a login code. With an {@code Idempotency-Key}, a retry of a request whose answer was
     * lost (a dropped connection, a crash after the commit) gets the same challenge back and no
     * second SMS, instead of a cooldown that would leave the citizen with a code and no challenge.
     */
    public Uni<IdempotencyService.Answer<OtpChallenge>> requestCode(String iin, String phone, Locale locale, ClientInfo client,
            String idempotencyKey) {
        IdempotencyService.requireValid(idempotencyKey);
        OtpRequestKey request = new OtpRequestKey(iin, phone);
        // A cheap look first, so a caller over the limit does not reach the registry at all.
        return Panache.withSession(() -> replayed(request, idempotencyKey)
                        .call(found -> found == null ? checkLimits(iin, phone, now()) : Uni.createFrom().voidItem()))
                .chain(found -> found != null
                        ? replay(found, locale, client)
                        : issue(request, locale, client, idempotencyKey));
    }

    private Uni<IdempotencyService.Answer<OtpChallenge>> issue(OtpRequestKey request, Locale locale, ClientInfo client,
            String idempotencyKey) {
        String iin = request.iin();
        String phone = request.phone();
        return citizens.isRegistered(iin, phone)
                .chain(registered -> Panache.withTransaction(() -> challenges.lockRequestsFor(iin, phone)
                        .chain(() -> replayed(request, idempotencyKey))
                        .chain(found -> found != null
                                ? Uni.createFrom().item(new Issued(found, null, true))
                                : checkLimits(iin, phone, now())
                                        .chain(() -> record(iin, phone, registered, client))
                                        .call(issued -> idempotencyKey == null || issued.challenge().status != OtpChallenge.Status.SENT
                                                ? Uni.createFrom().voidItem()
                                                : idempotency.remember(iin, OTP_SCOPE, idempotencyKey, request,
                                                        new KeptChallenge(issued.challenge().id))))))
                .chain(issued -> {
                    if (issued.replayed()) {
                        return replay(issued.challenge(), locale, client);
                    }
                    if (issued.challenge().status == OtpChallenge.Status.REFUSED) {
                        return Uni.createFrom().failure(new ApiException(ErrorCode.PHONE_NOT_REGISTERED));
                    }
                    return deliver(issued.challenge(), issued.code(), locale, client)
                            .replaceWith(new IdempotencyService.Answer<>(issued.challenge(), false));
                });
    }

    /**
     * The first answer again. A challenge whose code never reached the SMS gateway (the service
     * died in between, or the gateway failed) gets a fresh code now, so that the replayed
     * challenge can be answered; one already sent is not sent twice.
     */
    private Uni<IdempotencyService.Answer<OtpChallenge>> replay(OtpChallenge challenge, Locale locale, ClientInfo client) {
        boolean undelivered = challenge.smsSentAt == null && challenge.expiresAt.isAfter(now())
                && (challenge.status == OtpChallenge.Status.SENT || challenge.status == OtpChallenge.Status.SEND_FAILED);
        if (!undelivered) {
            return Uni.createFrom().item(new IdempotencyService.Answer<>(challenge, true));
        }
        String code = newCode();
        return Panache.withTransaction(() -> challenges.findForUpdate(challenge.id).invoke(locked -> {
                    locked.status = OtpChallenge.Status.SENT;
                    locked.codeHash = codeHash(locked.id, code);
                }))
                .chain(locked -> deliver(locked, code, locale, client).replaceWith(new IdempotencyService.Answer<>(locked, true)));
    }

    /** Hands the code to the SMS gateway and notes that it did; a refusal kills the challenge. */
    private Uni<Void> deliver(OtpChallenge challenge, String code, Locale locale, ClientInfo client) {
        String text = messages.get(locale, "sms.otp", code, config.ttl().toMinutes());
        return sms.send(challenge.phone, text)
                .call(() -> Panache.withTransaction(() -> challenges.update("smsSentAt = ?1 where id = ?2", now(), challenge.id)))
                .onFailure().call(failure -> markSendFailed(challenge.id, client));
    }

    /** The challenge a first request with this key made, in the current session; null when there is none. */
    private Uni<OtpChallenge> replayed(OtpRequestKey request, String idempotencyKey) {
        if (idempotencyKey == null) {
            return Uni.createFrom().nullItem();
        }
        return idempotency.replay(request.iin(), OTP_SCOPE, idempotencyKey, request, KeptChallenge.class)
                .chain(kept -> kept == null ? Uni.createFrom().nullItem() : challenges.findById(kept.challengeId()));
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
        return challenges.forPhoneOrIinSince(phone, iin, now.minus(OtpRules.WINDOW))
                .invoke(recent -> rules.checkRequest(
                        recent.stream().filter(c -> phone.equals(c.phone)).toList(),
                        recent.stream().filter(c -> iin.equals(c.iin)).toList(), now))
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
            code = newCode();
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
                .replaceWith(new Issued(challenge, sentCode, false));
    }

    private Uni<Void> markSendFailed(UUID challengeId, ClientInfo client) {
        return Panache.withTransaction(() -> challenges.findForUpdate(challengeId).chain(challenge -> {
            challenge.status = OtpChallenge.Status.SEND_FAILED;
            challenge.codeHash = null;
            return audit.record(AuditType.OTP_SEND_FAILED, challenge.iin, "otp:" + challenge.id, "SMS_UNAVAILABLE",
                    client, Map.of("phone", Phones.mask(challenge.phone)));
        }));
    }

    private String newCode() {
        return String.format("%06d", random.nextInt(1_000_000));
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

    private record Issued(OtpChallenge challenge, String code, boolean replayed) {
    }

    /** What a code request is, for its Idempotency-Key. */
    @RegisterForReflection
    record OtpRequestKey(String iin, String phone) {
    }

    /** What is kept for a code request's Idempotency-Key: the challenge it made. */
    @RegisterForReflection
    record KeptChallenge(UUID challengeId) {
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
