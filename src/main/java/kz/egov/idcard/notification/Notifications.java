package kz.egov.idcard.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import kz.egov.idcard.common.i18n.Messages;
import kz.egov.idcard.sms.SmsGateway;
import org.jboss.logging.Logger;

/**
 * The outbox: a notification is written in the transaction of the change it announces (so it is
 * sent if and only if the change happened), then delivered by {@link #dispatch()} with retries and
 * exponential back-off. The dedupe key makes the same notification go out at most once.
 */
@ApplicationScoped
public class Notifications {

    private static final Logger LOG = Logger.getLogger(Notifications.class);

    @ConfigMapping(prefix = "idcard.notifications")
    public interface NotificationsConfig {
        /** Attempts before a notification is given up on (and logged). */
        @WithDefault("8")
        int maxAttempts();

        /** The first retry waits this long; each next one twice as long, up to an hour. */
        @WithDefault("PT10S")
        Duration firstRetry();

        /** How often the dispatcher looks for due notifications. */
        @WithDefault("5s")
        String dispatchEvery();
    }

    private final SmsGateway sms;
    private final PushChannel push;
    private final Messages messages;
    private final ObjectMapper json;
    private final NotificationsConfig config;
    private final OutboxRepository outbox;
    private final Clock clock;

    public Notifications(SmsGateway sms, PushChannel push, Messages messages, ObjectMapper json, NotificationsConfig config,
            OutboxRepository outbox, Clock clock) {
        this.outbox = outbox;
        this.sms = sms;
        this.push = push;
        this.messages = messages;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Queues an event for the citizen: an SMS to the phone and a push to the app, in the caller's
     * transaction; each channel's copy has its own dedupe key, so a repeat is ignored.
     */
    public Uni<Void> enqueue(String dedupeKey, String phone, String iin, String template, List<String> params, String language) {
        return enqueueOn(List.of(new OutboxRepository.Queued("SMS", dedupeKey, phone),
                new OutboxRepository.Queued("PUSH", dedupeKey + ":push", iin)), template, params, language);
    }

    /** Queues a push to the citizen's app in the caller's transaction; a second one with the same dedupe key is ignored. */
    public Uni<Void> enqueuePush(String dedupeKey, String iin, String template, List<String> params, String language) {
        return enqueueOn(List.of(new OutboxRepository.Queued("PUSH", dedupeKey + ":push", iin)), template, params, language);
    }

    /** Queues an SMS in the caller's transaction; a second one with the same dedupe key is ignored. */
    public Uni<Void> enqueueSms(String dedupeKey, String phone, String template, List<String> params, String language) {
        return enqueueOn(List.of(new OutboxRepository.Queued("SMS", dedupeKey, phone)), template, params, language);
    }

    private Uni<Void> enqueueOn(List<OutboxRepository.Queued> messages, String template, List<String> params, String language) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String encoded;
        try {
            encoded = json.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return outbox.enqueue(messages, template, encoded, language, now);
    }

    /** Sends what is due, one message at a time, each in its own transaction; returns how many went out. */
    public Uni<Integer> dispatch() {
        return Panache.withTransaction(() -> OutboxMessage.<OutboxMessage>find(
                        "status = ?1 and nextAttemptAt <= ?2 order by nextAttemptAt", OutboxMessage.Status.PENDING,
                        OffsetDateTime.now(clock))
                .page(0, 20).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).list()
                .chain(due -> sendEach(due, 0, 0)));
    }

    private Uni<Integer> sendEach(List<OutboxMessage> due, int index, int sent) {
        if (index == due.size()) {
            return Uni.createFrom().item(sent);
        }
        OutboxMessage message = due.get(index);
        Uni<Void> delivery = "PUSH".equals(message.channel)
                ? push.push(message.recipient, messages.get(Locale.forLanguageTag(message.language), "notification.push.title"),
                        render(message))
                : sms.send(message.recipient, render(message));
        return delivery
                .map(ok -> {
                    message.status = OutboxMessage.Status.SENT;
                    message.sentAt = OffsetDateTime.now(clock);
                    message.attempts++;
                    return 1;
                })
                .onFailure().recoverWithItem(failure -> {
                    message.attempts++;
                    message.lastError = failure.getClass().getSimpleName();
                    if (message.attempts >= config.maxAttempts()) {
                        message.status = OutboxMessage.Status.FAILED;
                        LOG.errorf("Gave up on notification %s after %d attempts", message.dedupeKey, message.attempts);
                    } else {
                        long factor = 1L << Math.min(message.attempts - 1, 9);
                        Duration wait = config.firstRetry().multipliedBy(factor);
                        message.nextAttemptAt = OffsetDateTime.now(clock).plus(wait.compareTo(Duration.ofHours(1)) > 0
                                ? Duration.ofHours(1) : wait);
                    }
                    return 0;
                })
                .chain(count -> sendEach(due, index + 1, sent + count));
    }

    String render(OutboxMessage message) {
        try {
            List<?> params = json.readValue(message.params, List.class);
            return messages.get(Locale.forLanguageTag(message.language), "notification." + message.template, params.toArray());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
