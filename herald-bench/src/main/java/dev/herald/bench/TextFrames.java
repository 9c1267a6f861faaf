package dev.herald.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Server-to-client WebSocket text frames (RFC 6455 §5.2: FIN + text opcode, unmasked, 7/16/64-bit
 * length) built into one direct buffer, so a broadcast is framed once and its bytes written to
 * every subscriber as {@code retainedDuplicate()}s.
 */
final class TextFrames {
  private static final int FIN_TEXT = 0x81;

  private TextFrames() {}

  /** A complete text frame carrying {@code payload}; the caller owns the returned buffer. */
  static ByteBuf encode(ByteBufAllocator allocator, byte[] payload) {
    int length = payload.length;
    int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
    ByteBuf buf = allocator.directBuffer(header + length);
    buf.writeByte(FIN_TEXT);
    if (length < 126) {
      buf.writeByte(length);
    } else if (length <= 0xFFFF) {
      buf.writeByte(126);
      buf.writeShort(length);
    } else {
      buf.writeByte(127);
      buf.writeLong(length);
    }
    buf.writeBytes(payload);
    return buf;
  }
}
