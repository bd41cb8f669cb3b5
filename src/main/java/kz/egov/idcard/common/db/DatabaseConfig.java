package kz.egov.idcard.common.db;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How long a request may wait on the database before it is answered 503 instead: the reactive
 * pool's own settings say nothing about it, and its defaults wait 30 s for a connection and for
 * ever for a network that swallows packets.
 */
@ConfigMapping(prefix = "idcard.database")
public interface DatabaseConfig {

    /** Longest wait for a pooled connection, opening a new one included. */
    @WithDefault("PT1S")
    Duration acquireTimeout();

    /** Longest wait for the TCP connection to the database to open. */
    @WithDefault("PT1S")
    Duration connectTimeout();

    /**
     * A connection that owes an answer and on which nothing moves for this long is closed, and the
     * statement waiting on it fails (503): the only defence against a network or a server that
     * swallows packets, which no TCP timeout notices in time. It bounds every single statement,
     * lock waits included, so keep it above the slowest statement the service runs. Idle pooled
     * connections are not affected.
     */
    @WithDefault("PT1.5S")
    Duration silenceTimeout();

    /** Requests that may queue for a connection when all are busy; more are refused at once (503). */
    @WithDefault("500")
    int maxWaitQueue();

    /**
     * Migration locations besides db/migration that apply here: {@code db/sandbox} in the sandbox,
     * dev and test profiles, none in production (common/db/OptionalMigrations).
     */
    Optional<List<String>> optionalMigrations();
}
