package kz.egov.idcard.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import kz.egov.idcard.common.db.Locks;
import kz.egov.idcard.common.error.ApiException;
import kz.egov.idcard.common.error.ErrorCode;

/**
 * Creating POSTs accept an {@code Idempotency-Key}: the first successful answer is kept, in the
 * same transaction as what it created, and a retry with the same key and the same request gets it
 * again; the same key with another request is refused. Parallel retries wait for the first.
 *
 * <p>Requests and answers are written and read by Jackson, so each type kept here must be
 * {@link RegisterForReflection registered for reflection}: the native image keeps a record's
 * constructor and accessors only then. The service refuses an unregistered type on its first use,
 * so every test that goes through a key catches a type added without it.
 */
@ApplicationScoped
public class IdempotencyService {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final ClassValue<Boolean> REGISTERED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return type.isAnnotationPresent(RegisterForReflection.class);
        }
    };

    /** An answer, and whether it is a replay of the first one. */
    public record Answer<T>(T body, boolean replayed) {
    }

    private final IdempotencyRepository keys;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration ttl;

    public IdempotencyService(IdempotencyRepository keys, ObjectMapper json, Clock clock,
            @ConfigProperty(name = "idcard.applications.idempotency-key-ttl", defaultValue = "PT24H") java.time.Duration ttl) {
        this.json = json;
        this.clock = clock;
        this.keys = keys;
        this.ttl = ttl;
    }

    /**
     * Runs {@code action} once per owner, scope and key. {@code action} must do its writes through
     * the current reactive session, so that they and the kept answer commit together.
     */
    public <T> Uni<Answer<T>> once(String owner, String scope, String key, Object request, Class<T> type,
            Supplier<Uni<T>> action) {
        if (key == null) {
            return Panache.withTransaction(action).map(body -> new Answer<>(body, false));
        }
        if (!KEY.matcher(key).matches()) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.IDEMPOTENCY_KEY_INVALID));
        }
        return Panache.withTransaction(() -> lock(owner, scope, key)
                .chain(() -> replay(owner, scope, key, request, type))
                .chain(found -> found != null
                        ? Uni.createFrom().item(new Answer<>(found, true))
                        : action.get().call(body -> remember(owner, scope, key, request, body))
                                .map(body -> new Answer<>(body, false))));
    }

    /** Refuses a key that is not 1 to 128 of [A-Za-z0-9._:-]; a null key is no key. */
    public static void requireValid(String key) {
        if (key != null && !KEY.matcher(key).matches()) {
            throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_INVALID);
        }
    }

    /**
     * Holds the key until the caller's transaction ends, so that parallel retries wait for the
     * first one's answer instead of doing the work again.
     */
    public Uni<Void> lock(String owner, String scope, String key) {
        return Locks.advisory("idem:" + owner + ":" + scope + ":" + key);
    }

    /**
     * The first answer kept for the key, read in the caller's session, or null when there is none;
     * the same key with another request is IDEMPOTENCY_KEY_REUSED.
     */
    public <T> Uni<T> replay(String owner, String scope, String key, Object request, Class<T> type) {
        String requestHash = hash(request);
        return keys.find(owner, scope, key, OffsetDateTime.now(clock).minus(ttl))
                .map(found -> {
                    if (found.isEmpty()) {
                        return null;
                    }
                    if (!MessageDigest.isEqual(requestHash.getBytes(StandardCharsets.US_ASCII),
                            ((String) found.get(0)[0]).trim().getBytes(StandardCharsets.US_ASCII))) {
                        throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED);
                    }
                    return read((String) found.get(0)[1], type);
                });
    }

    /** Keeps the answer for the key in the caller's transaction, so that it commits with what it describes. */
    public Uni<Void> remember(String owner, String scope, String key, Object request, Object body) {
        return keys.keep(owner, scope, key, hash(request), write(body), OffsetDateTime.now(clock));
    }

    /** Keys older than their time to live are forgotten. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> forgetOldKeys() {
        return keys.forgetBefore(OffsetDateTime.now(clock).minus(ttl));
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refuses a type Jackson could not read or write in the native image; see the class comment. */
    static void requireRegistered(Class<?> type) {
        if (!REGISTERED.get(type)) {
            throw new IllegalStateException(type.getName() + " is kept as JSON for idempotency but is not annotated "
                    + "@RegisterForReflection; the native image would lose its accessors");
        }
    }

    private String write(Object value) {
        requireRegistered(value.getClass());
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String body, Class<T> type) {
        requireRegistered(type);
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
