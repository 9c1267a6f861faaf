package dev.herald.server.netty;

import dev.herald.server.channel.Frame;
import io.netty.buffer.ByteBuf;

/** A complete WebSocket frame (header and payload) in one buffer, shared by reference count. */
final class NettyFrame implements Frame {
  final ByteBuf buf;

  NettyFrame(ByteBuf buf) {
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
}
