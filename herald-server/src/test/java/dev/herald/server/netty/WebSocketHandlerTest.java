package dev.herald.server.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebSocketHandlerTest {
  private final NettyFixture f = new NettyFixture();
  private final NettyConnection conn = f.connection("1.1", 1 << 20);

  {
    f.channel.pipeline().addLast(new WebSocketHandler(f.protocol, conn, 1024));
  }

  @Test
  void answersControlPingsWithTheSamePayload() {
    f.channel.writeInbound(
        new PingWebSocketFrame(Unpooled.copiedBuffer("hi", StandardCharsets.UTF_8)));
    PongWebSocketFrame pong = f.channel.readOutbound();
    assertThat(pong.content().toString(StandardCharsets.UTF_8)).isEqualTo("hi");
    pong.release();
  }

  @Test
  void passesTextFramesToTheProtocol() {
    f.channel.writeInbound(new TextWebSocketFrame("{\"event\":\"pusher:ping\",\"data\":{}}"));
    f.channel.runPendingTasks();
    assertThat(texts()).containsExactly("{\"event\":\"pusher:pong\",\"data\":{}}");
  }

  @Test
  void refusesBinaryFramesWithoutClosing() {
    f.channel.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1, 2})));
    f.channel.runPendingTasks();
    assertThat(texts()).singleElement().asString().contains("4300").contains("Binary");
    assertThat(f.channel.isActive()).isTrue();
  }

  @Test
  void closesOversizedMessagesWith1009() {
    f.channel.pipeline().fireExceptionCaught(new TooLongFrameException("too long"));
    List<Object> out = drain();
    assertThat(out).anySatisfy(m -> assertThat(m).isInstanceOf(ByteBuf.class));
    assertThat(out)
        .anySatisfy(
            m -> {
              assertThat(m).isInstanceOf(CloseWebSocketFrame.class);
              assertThat(((CloseWebSocketFrame) m).statusCode()).isEqualTo(1009);
            });
    out.forEach(io.netty.util.ReferenceCountUtil::release);
  }

  @Test
  void echoesTheClientsCloseAndLeavesChannelsOnClose() {
    f.channel.writeInbound(
        new TextWebSocketFrame("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"c\"}}"));
    assertThat(f.channels.subscriptionCount("1", "c")).isEqualTo(1);
    f.channel.writeInbound(new CloseWebSocketFrame(1000, "bye"));
    f.channel.runPendingTasks();
    assertThat(drain()).anySatisfy(m -> assertThat(m).isInstanceOf(CloseWebSocketFrame.class));
    assertThat(f.channel.isActive()).isFalse();
    assertThat(f.channels.subscriptionCount("1", "c")).isZero();
  }

  private List<Object> drain() {
    List<Object> out = new ArrayList<>();
    Object m;
    while ((m = f.channel.readOutbound()) != null) {
      out.add(m);
    }
    return out;
  }

  private List<String> texts() {
    List<String> texts = new ArrayList<>();
    EmbeddedChannel decoder =
        new EmbeddedChannel(new WebSocket08FrameDecoder(false, false, 1 << 20, true));
    for (Object m : drain()) {
      decoder.writeInbound(m);
      TextWebSocketFrame text = decoder.readInbound();
      texts.add(text.text());
      text.release();
    }
    return texts;
  }
}
