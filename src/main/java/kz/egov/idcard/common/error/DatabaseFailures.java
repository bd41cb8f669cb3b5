package kz.egov.idcard.common.error;

import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/** Tells a database that is gone (answer 503, retry later) from a bug (answer 500). */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** Another request changed the same row first (optimistic locking, or a unique index that guards a rule). */
    public static boolean isConcurrentModification(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof jakarta.persistence.OptimisticLockException || t instanceof org.hibernate.StaleStateException
                    || t instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database cannot be reached, or not in time: refused or reset connections, a connection
     * closed under a query, the pool's wait for a connection running out (its own timeout, see
     * {@code idcard.database.acquire-timeout}) or its wait queue full.
     */
    public static boolean isDatabaseDown(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof ConnectException || t instanceof TimeoutException || t instanceof ConnectionPoolTooBusyException
                    || t instanceof ClosedConnectionException) {
                return true;
            }
            if (t instanceof NoStackTraceThrowable && "Timeout".equals(t.getMessage())) {
                // The pool's connection timeout fails the waiter with a bare "Timeout".
                return true;
            }
            if (t instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P"))) {
                return true;
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("connection refused") || message.contains("connection is closed")
                    || message.contains("connection was closed") || message.contains("connection reset")
                    || message.contains("pool closed") || message.contains("timeout waiting for connection")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database refused a value the request carried (SQL state class 22, data exception: a NUL
     * character, an over-long text, a number out of range) that validation let through. It is the
     * caller's input, not an outage: a 400, and the statement changed nothing.
     */
    public static boolean isRefusedValue(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            String state = t instanceof PgException pg ? pg.getSqlState()
                    : t instanceof org.hibernate.JDBCException jdbc ? jdbc.getSQLState()
                    : t instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
            if (state != null && state.startsWith("22")) {
                return true;
            }
        }
        return false;
    }
}
