package dev.herald.bench.jmh;

import dev.herald.server.channel.Frame;
import dev.herald.server.channel.FrameEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * A {@link Frame} over one pooled direct buffer holding the complete WebSocket frame, as the
 * server's Netty transport builds it; {@link #ENCODER} frames JSON the same way (header + payload
 * in one buffer).
 */
final class BufFrame implements Frame {
  static final FrameEncoder ENCODER = json -> new BufFrame(encode(json));

  final ByteBuf buf;

  BufFrame(ByteBuf buf) {
    this.buf = buf;
  }

  @Override
  public Frame retain() {
    buf.retain();
    return this;
  }

  @Override
  public void release() {
    buf.release();
  }

  private static ByteBuf encode(byte[] json) {
    int length = json.length;
    int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
    ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(header + length);
    buf.writeByte(0x81);
    if (length < 126) {
      buf.writeByte(length);
    } else if (length <= 0xFFFF) {
      buf.writeByte(126);
      buf.writeShort(length);
    } else {
      buf.writeByte(127);
      buf.writeLong(length);
    }
    return buf.writeBytes(json);
  }
}
