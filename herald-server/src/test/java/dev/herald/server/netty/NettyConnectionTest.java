package dev.herald.server.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.server.channel.Frame;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NettyConnectionTest {
  private final NettyFixture f = new NettyFixture();

  @Test
  void framesDecodeAsTextFramesAtEveryLengthEncoding() {
    for (int size : new int[] {0, 125, 126, 65535, 65536, 70_000}) {
      String text = "x".repeat(size);
      Frame frame = f.frames.encode(text.getBytes(StandardCharsets.UTF_8));
      ByteBuf buf = ((NettyFrame) frame).buf;
      EmbeddedChannel decoder =
          new EmbeddedChannel(new WebSocket08FrameDecoder(false, false, 1 << 20, true));
      decoder.writeInbound(buf);
      TextWebSocketFrame decoded = decoder.readInbound();
      assertThat(decoded.text()).isEqualTo(text);
      decoded.release();
    }
  }

  @Test
  void closesAReaderThatFallsBehindWith4100AndCountsIt() {
    f.flushes.stalled = true;
    List<Integer> closeCodes = new ArrayList<>();
    f.channel
        .pipeline()
        .addLast(
            new io.netty.channel.ChannelOutboundHandlerAdapter() {
              @Override
              public void write(
                  io.netty.channel.ChannelHandlerContext ctx,
                  Object msg,
                  io.netty.channel.ChannelPromise promise) {
                if (msg instanceof CloseWebSocketFrame close) {
                  closeCodes.add(close.statusCode());
                }
                ctx.write(msg, promise);
              }
            });
    NettyConnection conn = f.connection("1.1", 128 * 1024);
    Frame frame = f.frames.encode(("{\"data\":\"" + "x".repeat(8 * 1024) + "\"}").getBytes());
    for (int i = 0; i < 40; i++) {
      conn.deliver(frame);
    }
    frame.release();
    assertThat(f.slowClosed.sum()).isEqualTo(1);
    assertThat(conn.isClosing()).isTrue();
    assertThat(closeCodes)
        .as("a 4100 close was sent, even if the stalled peer never reads it")
        .containsExactly(4100);
    assertThat(f.channel.isActive()).as("still waiting for the close frame to go out").isTrue();
    f.channel.advanceTimeBy(2, java.util.concurrent.TimeUnit.SECONDS);
    f.channel.runScheduledPendingTasks();
    assertThat(f.channel.isActive()).as("forced closed after the grace period").isFalse();
  }

  @Test
  void cutsCloseReasonsToTheProtocolLimit() {
    String reason = NettyConnection.closeReason("é".repeat(200));
    assertThat(reason.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(123);
    assertThat(NettyConnection.closeReason("short")).isEqualTo("short");
  }

  private List<String> outboundTexts() {
    List<String> texts = new ArrayList<>();
    ByteBuf buf;
    EmbeddedChannel decoder =
        new EmbeddedChannel(new WebSocket08FrameDecoder(false, false, 1 << 20, true));
    while ((buf = f.channel.readOutbound()) != null) {
      decoder.writeInbound(buf);
      TextWebSocketFrame text = decoder.readInbound();
      texts.add(text.text());
      text.release();
    }
    return texts;
  }
}
