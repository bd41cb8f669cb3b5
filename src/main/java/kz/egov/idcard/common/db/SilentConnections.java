package kz.egov.idcard.common.db;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.timeout.IdleStateEvent;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.impl.Connection;
import io.vertx.sqlclient.impl.SocketConnectionBase;
import io.vertx.sqlclient.impl.SqlConnectionInternal;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Makes a database connection that went silent while a statement waits really close. The
 * PostgreSQL client answers its socket's idle timeout politely: it sends Terminate, shuts its
 * output down and waits for the server to close. A server behind a black-holed network never
 * does, so the connection, and the statement waiting on it, would hang until TCP gives up (many
 * minutes). This handler sits next to the idle timer and closes the socket itself, which fails
 * the waiting statement at once (503); idle pooled connections it keeps from being closed at all.
 *
 * <p>It reaches the Netty pipeline through the client's internal classes; should they change, it
 * logs once and the polite close stays (the acquire timeout still bounds requests that need a new
 * connection).
 */
final class SilentConnections {

    private static final Logger LOG = Logger.getLogger(SilentConnections.class);
    private static final String NAME = "idcard-silence-close";
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private SilentConnections() {
    }

    static void closeWhenSilent(SqlConnection connection) {
        try {
            Connection current = connection instanceof SqlConnectionInternal internal ? internal.unwrap() : null;
            for (int depth = 0; current != null && !(current instanceof SocketConnectionBase) && depth < 5; depth++) {
                Connection inner = current.unwrap();
                current = inner == current ? null : inner;
            }
            if (current instanceof SocketConnectionBase socket) {
                ChannelPipeline pipeline = socket.socket().channelHandlerContext().pipeline();
                if (pipeline.get("idle") != null && pipeline.get(NAME) == null) {
                    pipeline.addAfter("idle", NAME, new CloseOnSilence());
                    return;
                }
            }
            warnOnce("no idle timer found on the database connection");
        } catch (RuntimeException e) {
            warnOnce(e.toString());
        }
    }

    private static void warnOnce(String why) {
        if (WARNED.compareAndSet(false, true)) {
            LOG.warnf("Silent database connections will be closed politely only (%s): a black-holed database may hang "
                    + "requests that hold a connection", why);
        }
    }

    /**
     * Closes the channel from below the protocol codec, which would otherwise turn the close into a
     * polite goodbye, when the connection went silent while the server owed an answer: something
     * was sent after the last ReadyForQuery ('Z', length 5, status) came back. A connection that
     * simply sits idle in the pool is left alone (the pool's own idle timeout retires it).
     */
    static final class CloseOnSilence extends ChannelDuplexHandler {

        private static final byte[] READY_FOR_QUERY = {'Z', 0, 0, 0, 5};

        /** The last six bytes received: a complete exchange ends with ReadyForQuery and its status byte. */
        private final byte[] tail = new byte[6];
        private int tailLength;
        private boolean awaitingAnswer;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
                remember(bytes);
                awaitingAnswer = !endsWithReadyForQuery();
            }
            super.channelRead(ctx, msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
                awaitingAnswer = true;
                tailLength = 0;
            }
            super.write(ctx, msg, promise);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof IdleStateEvent) {
                if (awaitingAnswer) {
                    ctx.close();
                }
                return;
            }
            super.userEventTriggered(ctx, event);
        }

        private void remember(ByteBuf bytes) {
            int count = Math.min(bytes.readableBytes(), tail.length);
            int keep = Math.min(tailLength, tail.length - count);
            System.arraycopy(tail, tailLength - keep, tail, 0, keep);
            bytes.getBytes(bytes.writerIndex() - count, tail, keep, count);
            tailLength = keep + count;
        }

        private boolean endsWithReadyForQuery() {
            if (tailLength < tail.length) {
                return false;
            }
            for (int i = 0; i < READY_FOR_QUERY.length; i++) {
                if (tail[i] != READY_FOR_QUERY[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
