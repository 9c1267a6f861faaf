package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextFramesTest {
  private static String decode(ByteBuf frame) {
    // A client-side decoder: server frames are unmasked.
    EmbeddedChannel client =
        new EmbeddedChannel(new WebSocket13FrameDecoder(false, false, 1 << 20));
    client.writeInbound(frame);
    TextWebSocketFrame text = client.readInbound();
    try {
      return text.text();
    } finally {
      text.release();
      client.finishAndReleaseAll();
    }
  }

  private static ByteBuf encode(String text) {
    return TextFrames.encode(
        UnpooledByteBufAllocator.DEFAULT, text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aShortPayloadUsesTheSevenBitLengthAndDecodesBack() {
    ByteBuf frame = encode("{\"event\":\"x\"}");
    assertThat(frame.getUnsignedByte(0)).isEqualTo((short) 0x81);
    assertThat(frame.getUnsignedByte(1)).isEqualTo((short) 13);
    assertThat(decode(frame)).isEqualTo("{\"event\":\"x\"}");
  }

  @Test
  void payloadsFrom126BytesUseTheSixteenBitLength() {
    String text = "a".repeat(300);
    ByteBuf frame = encode(text);
    assertThat(frame.getUnsignedByte(1)).isEqualTo((short) 126);
    assertThat(frame.getUnsignedShort(2)).isEqualTo(300);
    assertThat(decode(frame)).isEqualTo(text);
  }

  @Test
  void payloadsOver64KiBUseTheSixtyFourBitLength() {
    String text = "b".repeat(70_000);
    ByteBuf frame = encode(text);
    assertThat(frame.getUnsignedByte(1)).isEqualTo((short) 127);
    assertThat(frame.getLong(2)).isEqualTo(70_000L);
    assertThat(decode(frame)).isEqualTo(text);
  }
}
