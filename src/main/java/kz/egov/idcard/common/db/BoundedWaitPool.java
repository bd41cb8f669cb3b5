package kz.egov.idcard.common.db;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.PrepareOptions;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Query;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collector;

/**
 * The reactive pool with the acquire timeout kept here instead of in the pool. A caller waits at
 * most {@code acquireTimeout} for a connection and is then failed (503); a connection that arrives
 * after its caller gave up goes straight back to the pool.
 *
 * <p>Why not the pool's own {@code PoolOptions#setConnectionTimeout}: under overload, when that
 * timeout fires on many waiters at once, the Vert.x 4.5 SQL pool loses connections. After a burst
 * of journeys at ten times what the service can take (bench/run.sh), all twenty connections
 * stayed leased with no statement running, PostgreSQL saw them idle, and every later request got
 * "Timeout waiting for connection" until the service was restarted; with this class the pool
 * comes back as soon as the burst ends ({@code it/OverloadRecoveryIT}). The race is known
 * upstream (eclipse-vertx/vertx-sql-client#1620, "racy uncancellable timeout", fixed after the
 * 4.5 line this Quarkus uses; and #1706, the "Result is already complete" errors logged on every
 * refused waiter).
 *
 * <p>Statements run on the pool itself ({@link #query}, {@link #preparedQuery}: the status read,
 * the readiness check) take a connection the same way and give it back when done.
 */
@SuppressWarnings("deprecation") // Quarkus still expects a PgPool from a PgPoolCreator
final class BoundedWaitPool implements PgPool {

    private final Vertx vertx;
    private final PgPool delegate;
    private final long acquireTimeoutMillis;
    private final DatabaseLoad load;

    BoundedWaitPool(Vertx vertx, PgPool delegate, Duration acquireTimeout, DatabaseLoad load) {
        this.vertx = vertx;
        this.delegate = delegate;
        this.acquireTimeoutMillis = acquireTimeout.toMillis();
        this.load = load;
    }

    @Override
    public Future<SqlConnection> getConnection() {
        long began = System.nanoTime();
        load.startWaiting();
        if (acquireTimeoutMillis <= 0) {
            return delegate.getConnection().onComplete(acquired -> load.stopWaiting(System.nanoTime() - began));
        }
        Promise<SqlConnection> answer = Promise.promise();
        long timer = vertx.setTimer(acquireTimeoutMillis,
                id -> answer.tryFail(new TimeoutException("no database connection within " + acquireTimeoutMillis + " ms")));
        delegate.getConnection().onComplete(acquired -> {
            load.stopWaiting(System.nanoTime() - began);
            vertx.cancelTimer(timer);
            if (acquired.failed()) {
                answer.tryFail(acquired.cause());
            } else if (!answer.tryComplete(acquired.result())) {
                // The caller was answered 503 meanwhile: the connection is nobody's, give it back.
                acquired.result().close();
            }
        });
        return answer.future();
    }

    @Override
    public void getConnection(Handler<AsyncResult<SqlConnection>> handler) {
        getConnection().onComplete(handler);
    }

    @Override
    public Query<RowSet<Row>> query(String sql) {
        return new BoundedQuery<>(connection -> connection.query(sql));
    }

    @Override
    public PreparedQuery<RowSet<Row>> preparedQuery(String sql) {
        return new BoundedQuery<>(connection -> connection.preparedQuery(sql));
    }

    @Override
    public PreparedQuery<RowSet<Row>> preparedQuery(String sql, PrepareOptions options) {
        return new BoundedQuery<>(connection -> connection.preparedQuery(sql, options));
    }

    /**
     * A statement on the pool: run on a connection taken with {@link #getConnection()} and given
     * back when it is done. {@code make} gives the statement on that connection; the methods that
     * take parameters are only reached through {@link #preparedQuery}, which makes a prepared one.
     */
    private final class BoundedQuery<T> implements PreparedQuery<T> {

        private final Function<SqlConnection, Query<T>> make;

        BoundedQuery(Function<SqlConnection, Query<T>> make) {
            this.make = make;
        }

        private Future<T> run(Function<Query<T>, Future<T>> action) {
            return getConnection().compose(connection -> action.apply(make.apply(connection))
                    .eventually(v -> connection.close()));
        }

        private PreparedQuery<T> prepared(Query<T> query) {
            return (PreparedQuery<T>) query;
        }

        @Override
        public Future<T> execute() {
            return run(Query::execute);
        }

        @Override
        public void execute(Handler<AsyncResult<T>> handler) {
            execute().onComplete(handler);
        }

        @Override
        public Future<T> execute(Tuple tuple) {
            return run(query -> prepared(query).execute(tuple));
        }

        @Override
        public void execute(Tuple tuple, Handler<AsyncResult<T>> handler) {
            execute(tuple).onComplete(handler);
        }

        @Override
        public Future<T> executeBatch(List<Tuple> batch) {
            return run(query -> prepared(query).executeBatch(batch));
        }

        @Override
        public void executeBatch(List<Tuple> batch, Handler<AsyncResult<T>> handler) {
            executeBatch(batch).onComplete(handler);
        }

        @Override
        public <R> PreparedQuery<SqlResult<R>> collecting(Collector<Row, ?, R> collector) {
            return new BoundedQuery<>(connection -> make.apply(connection).collecting(collector));
        }

        @Override
        public <U> PreparedQuery<RowSet<U>> mapping(Function<Row, U> mapper) {
            return new BoundedQuery<>(connection -> make.apply(connection).mapping(mapper));
        }
    }

    @Override
    public PgPool connectHandler(Handler<SqlConnection> handler) {
        return fluent(delegate.connectHandler(handler));
    }

    @Override
    public PgPool connectionProvider(Function<Context, Future<SqlConnection>> provider) {
        return fluent(delegate.connectionProvider(provider));
    }

    /** The pool's fluent setters answer the pool itself: that is this one to our callers. */
    private PgPool fluent(PgPool answered) {
        return answered == delegate ? this : answered;
    }

    @Override
    public int size() {
        return delegate.size();
    }

    @Override
    public void close(Handler<AsyncResult<Void>> handler) {
        delegate.close(handler);
    }

    @Override
    public Future<Void> close() {
        return delegate.close();
    }
}
