package kz.egov.idcard.common.db;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The reactive PostgreSQL pool with the timeouts Quarkus has no property for, so that a request
 * facing a database that is gone fails within about a second (503 DATABASE_UNAVAILABLE) instead
 * of queueing: the wait for a pooled connection, opening one included, the TCP connect, and the
 * silence after which a connection that owes an answer is taken for dead (a black-holed network
 * answers nothing, not even a reset; see {@link SilentConnections}).
 */
@Singleton
public class DatabasePool implements PgPoolCreator {

    private static final Logger LOG = Logger.getLogger(DatabasePool.class);

    private final DatabaseConfig config;
    private final DatabaseLoad load;

    public DatabasePool(DatabaseConfig config, DatabaseLoad load) {
        this.config = config;
        this.load = load;
    }

    @Override
    @SuppressWarnings("deprecation")
    public Pool create(Input input) {
        // No timeout in the pool itself: BoundedWaitPool keeps it (see there why).
        PoolOptions pool = new PoolOptions(input.poolOptions())
                .setConnectionTimeout(0)
                .setMaxWaitQueueSize(config.maxWaitQueue());
        List<PgConnectOptions> databases = input.pgConnectOptionsList().stream()
                .map(options -> new PgConnectOptions(options)
                        .setConnectTimeout((int) config.connectTimeout().toMillis())
                        .setIdleTimeout((int) config.silenceTimeout().toMillis())
                        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS))
                .toList();
        LOG.infof("Database pool: at most %d connections, acquire timeout %s, connect timeout %s, silence timeout %s, "
                + "wait queue %d", pool.getMaxSize(), config.acquireTimeout(), config.connectTimeout(), config.silenceTimeout(),
                config.maxWaitQueue());
        // Quarkus expects a PgPool from a creator.
        PgPool created = PgPool.pool(input.vertx(), databases, pool).connectHandler(connection -> {
            SilentConnections.closeWhenSilent(connection);
            connection.close();
        });
        return new BoundedWaitPool(input.vertx(), created, config.acquireTimeout(), load);
    }
}
