package dev.herald.server.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a socket that takes longer than the handshake timeout to deliver a complete request: from
 * the moment it connects (TLS handshake included) and again from the first byte of each further
 * request on a keep-alive connection. Unlike an idle timeout, a client dripping a byte at a time
 * (slowloris) cannot hold the socket. Removed once the connection becomes a WebSocket.
 */
final class HandshakeDeadline extends ChannelInboundHandlerAdapter {
  static final String NAME = "handshake-deadline";

  private final long timeoutNanos;
  private ScheduledFuture<?> deadline;

  HandshakeDeadline(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    arm(ctx);
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (deadline == null) {
      arm(ctx); // the first bytes of the next request on a keep-alive connection
    }
    ctx.fireChannelRead(msg);
  }

  /** A complete request arrived: the clock stops until the next one begins. */
  void requestComplete() {
    disarm();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    disarm();
  }

  private void arm(ChannelHandlerContext ctx) {
    deadline = ctx.executor().schedule(() -> ctx.close(), timeoutNanos, TimeUnit.NANOSECONDS);
  }

  private void disarm() {
    if (deadline != null) {
      deadline.cancel(false);
      deadline = null;
    }
  }
}
