package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServerFrameDecoderTest {
  private final Deliveries deliveries = new Deliveries();
  private final EmbeddedChannel channel =
      new EmbeddedChannel(new ServerFrameDecoder(deliveries, 64 * 1024));

  private static byte[] text(String payload) {
    ByteBuf frame =
        TextFrames.encode(Unpooled.buffer().alloc(), payload.getBytes(StandardCharsets.UTF_8));
    byte[] bytes = new byte[frame.readableBytes()];
    frame.readBytes(bytes);
    frame.release();
    return bytes;
  }

  private static String event(String data) {
    return "{\"event\":\"bench\",\"channel\":\"bench\",\"data\":\"" + data + "\"}";
  }

  @Test
  void countsBenchmarkEventsWithoutPassingThemOn() {
    deliveries.startStep(1);
    channel.writeInbound(Unpooled.wrappedBuffer(text(event(Deliveries.data(1, 0)))));
    assertThat(deliveries.delivered(1)).isEqualTo(1);
    assertThat((Object) channel.readInbound()).isNull();
  }

  @Test
  void passesOtherTextFramesOnWhole() {
    String established = "{\"event\":\"pusher:connection_established\",\"data\":\"{}\"}";
    channel.writeInbound(Unpooled.wrappedBuffer(text(established)));
    TextWebSocketFrame frame = channel.readInbound();
    assertThat(frame.text()).isEqualTo(established);
    frame.release();
  }

  @Test
  void readsFramesSplitAcrossReadsAndSeveralInOneRead() {
    deliveries.startStep(2);
    String padded = event(Deliveries.data(2, 0) + "|" + ".".repeat(300)); // 16-bit length
    byte[] one = text(padded);
    byte[] two = text("{\"event\":\"other\"}");
    ByteBuf all = Unpooled.wrappedBuffer(one, two, one);
    int cut = 3;
    channel.writeInbound(all.readRetainedSlice(cut));
    assertThat(deliveries.delivered(2)).isZero();
    channel.writeInbound(all.readRetainedSlice(all.readableBytes()));
    all.release();
    assertThat(deliveries.delivered(2)).isEqualTo(2);
    TextWebSocketFrame other = channel.readInbound();
    assertThat(other.text()).isEqualTo("{\"event\":\"other\"}");
    other.release();
    assertThat((Object) channel.readInbound()).isNull();
  }

  @Test
  void passesCloseAndPingFramesOn() {
    byte[] close = {(byte) 0x88, 2, 0x10, 0x04}; // 4100
    byte[] ping = {(byte) 0x89, 1, 'x'};
    channel.writeInbound(Unpooled.wrappedBuffer(close, ping));
    CloseWebSocketFrame closeFrame = channel.readInbound();
    assertThat(closeFrame.statusCode()).isEqualTo(4100);
    closeFrame.release();
    PingWebSocketFrame pingFrame = channel.readInbound();
    assertThat(pingFrame.content().toString(StandardCharsets.UTF_8)).isEqualTo("x");
    pingFrame.release();
  }

  @Test
  void aReaderWithAutoReadOffDoesNotAskForMoreAfterCountingAnEvent() {
    AtomicInteger reads = new AtomicInteger();
    EmbeddedChannel stalled =
        new EmbeddedChannel(
            new ChannelOutboundHandlerAdapter() {
              @Override
              public void read(ChannelHandlerContext ctx) {
                reads.incrementAndGet();
                ctx.read();
              }
            },
            new ServerFrameDecoder(deliveries, 64 * 1024));
    stalled.config().setAutoRead(false);
    int before = reads.get();
    deliveries.startStep(1);
    stalled.writeInbound(Unpooled.wrappedBuffer(text(event(Deliveries.data(1, 0)))));
    assertThat(deliveries.delivered(1)).isEqualTo(1);
    assertThat(reads.get()).as("no read asked for").isEqualTo(before);
  }

  @Test
  void refusesFragmentedFrames() {
    byte[] fragment = {0x01, 1, 'x'};
    assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(fragment)))
        .isInstanceOf(CorruptedFrameException.class);
  }
}
