package kz.egov.idcard.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import org.junit.jupiter.api.Test;

class SilentConnectionsTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new SilentConnections.CloseOnSilence());

    @Test
    void aConnectionThatWentSilentWhileAStatementWaitsIsClosed() {
        channel.writeOutbound(Unpooled.wrappedBuffer(new byte[] {'Q', 0, 0, 0, 13, 's', 'e', 'l', 'e', 'c', 't', ' ', '1', 0}));
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void anIdleConnectionWhoseLastAnswerIsCompleteStaysOpen() {
        channel.writeOutbound(Unpooled.wrappedBuffer(new byte[] {'Q', 0, 0, 0, 5, 0}));
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {'C', 0, 0, 0, 5, 0, 'Z', 0, 0, 0, 5, 'I'}));
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void anAnswerSplitAcrossReadsStillEndsTheExchange() {
        channel.writeOutbound(Unpooled.wrappedBuffer(new byte[] {'Q', 0, 0, 0, 5, 0}));
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {'C', 0, 0, 0, 5, 0, 'Z', 0}));
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0}));
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {5, 'T'}));
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void anAnswerCutOffHalfWayIsSilenceToo() {
        channel.writeOutbound(Unpooled.wrappedBuffer(new byte[] {'Q', 0, 0, 0, 5, 0}));
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {'D', 0, 0, 0, 9, 0, 1, 0, 0}));
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
        assertThat(channel.isOpen()).isFalse();
    }
}
