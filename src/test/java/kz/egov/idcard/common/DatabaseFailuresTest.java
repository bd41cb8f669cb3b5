package kz.egov.idcard.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import kz.egov.idcard.common.error.DatabaseFailures;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

    @Test
    void theReactivePoolsWaitForAConnectionRunningOutMeansTheDatabaseIsAway() {
        assertThat(DatabaseFailures.isDatabaseDown(new CompletionException(new NoStackTraceThrowable("Timeout")))).isTrue();
        assertThat(DatabaseFailures.isDatabaseDown(new VertxException("Timeout waiting for connection", true))).isTrue();
    }

    @Test
    void aFullWaitQueueARefusedOrAClosedConnectionMeanTheDatabaseIsAway() {
        assertThat(DatabaseFailures.isDatabaseDown(new ConnectionPoolTooBusyException("Connection pool reached max wait queue size of 1")))
                .isTrue();
        assertThat(DatabaseFailures.isDatabaseDown(new ConnectException("Connection refused"))).isTrue();
        assertThat(DatabaseFailures.isDatabaseDown(new RuntimeException(new VertxException("Connection was closed", true)))).isTrue();
        assertThat(DatabaseFailures.isDatabaseDown(io.vertx.sqlclient.ClosedConnectionException.INSTANCE)).isTrue();
    }

    @Test
    void aBugIsNotAnOutage() {
        assertThat(DatabaseFailures.isDatabaseDown(new IllegalStateException("Timeout is not a number"))).isFalse();
        assertThat(DatabaseFailures.isDatabaseDown(new NullPointerException())).isFalse();
    }
}
