package dev.herald.server.netty;

import dev.herald.server.channel.Frame;
import dev.herald.server.channel.FrameEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;

/**
 * Builds server-to-client WebSocket text frames (RFC 6455 §5.2: FIN + text opcode, unmasked,
 * 7/16/64-bit length) directly into one pooled direct buffer, so a broadcast is framed once and the
 * same bytes are written to every subscriber, bypassing the per-channel frame encoder.
 */
final class WebSocketFrames implements FrameEncoder {
  private static final int FIN_TEXT = 0x81;

  private final ByteBufAllocator allocator;

  WebSocketFrames(ByteBufAllocator allocator) {
    this.allocator = allocator;
  }

  @Override
  public Frame encode(byte[] json) {
    ByteBuf buf = allocator.directBuffer(headerLength(json.length) + json.length);
    writeHeader(buf, json.length);
    buf.writeBytes(json);
    return new NettyFrame(buf);
  }

  /** A text frame holding {@code text} as UTF-8, for replies to one client. */
  ByteBuf text(String text) {
    int length = ByteBufUtil.utf8Bytes(text);
    ByteBuf buf = allocator.directBuffer(headerLength(length) + length);
    writeHeader(buf, length);
    ByteBufUtil.writeUtf8(buf, text);
    return buf;
  }

  private static int headerLength(int payload) {
    return payload < 126 ? 2 : payload <= 0xFFFF ? 4 : 10;
  }

  private static void writeHeader(ByteBuf buf, int payload) {
    buf.writeByte(FIN_TEXT);
    if (payload < 126) {
      buf.writeByte(payload);
    } else if (payload <= 0xFFFF) {
      buf.writeByte(126);
      buf.writeShort(payload);
    } else {
      buf.writeByte(127);
      buf.writeLong(payload);
    }
  }
}
