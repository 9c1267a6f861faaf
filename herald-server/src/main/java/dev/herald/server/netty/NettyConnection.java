package dev.herald.server.netty;

import dev.herald.pusher.PusherJson;
import dev.herald.server.app.App;
import dev.herald.server.channel.Frame;
import dev.herald.server.channel.Loop;
import dev.herald.server.protocol.Connection;
import dev.herald.server.protocol.ConnectionState;
import dev.herald.server.protocol.PusherError;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client WebSocket as the protocol sees it. Writes never block and are flushed by its loop's
 * coalescing flush; a subscriber whose unsent bytes exceed the bound is closed with 4100 instead of
 * buffering without limit. Only used on its channel's event loop.
 */
final class NettyConnection implements Connection {
  private static final Logger log = LoggerFactory.getLogger(NettyConnection.class);
  private static final long CLOSE_GRACE_SECONDS = 2;

  private final Channel channel;
  private final NettyLoop loop;
  private final WebSocketFrames frames;
  private final App app;
  private final String socketId;
  private final ConnectionState state;
  private final long maxOutboundBytes;
  private final LongAdder slowConsumersClosed;
  private boolean dirty;
  private boolean closing;

  NettyConnection(
      Channel channel,
      NettyLoop loop,
      WebSocketFrames frames,
      App app,
      String socketId,
      ConnectionState state,
      long maxOutboundBytes,
      LongAdder slowConsumersClosed) {
    this.channel = channel;
    this.loop = loop;
    this.frames = frames;
    this.app = app;
    this.socketId = socketId;
    this.state = state;
    this.maxOutboundBytes = maxOutboundBytes;
    this.slowConsumersClosed = slowConsumersClosed;
  }

  @Override
  public String socketId() {
    return socketId;
  }

  @Override
  public Loop loop() {
    return loop;
  }

  @Override
  public App app() {
    return app;
  }

  @Override
  public ConnectionState state() {
    return state;
  }

  @Override
  public void deliver(Frame frame) {
    if (closing) {
      return;
    }
    if (!channel.isWritable() && pendingBytes() > maxOutboundBytes) {
      slowConsumersClosed.increment();
      log.warn(
          "app={} socket={} closed as a slow consumer: {} bytes unsent (limit {})",
          app.id(),
          socketId,
          pendingBytes(),
          maxOutboundBytes);
      close(PusherError.OVER_CAPACITY, "Over capacity: the client is not reading fast enough");
      return;
    }
    channel.write(((NettyFrame) frame).buf.retainedDuplicate(), channel.voidPromise());
    markDirty();
  }

  @Override
  public void send(String json) {
    if (closing) {
      return;
    }
    channel.write(frames.text(json), channel.voidPromise());
    markDirty();
  }

  @Override
  public void ping(String pingJson) {
    if (closing) {
      return;
    }
    channel.write(frames.text(pingJson), channel.voidPromise());
    channel.write(new PingWebSocketFrame(), channel.voidPromise());
    markDirty();
  }

  @Override
  public void close(PusherError error, String message) {
    closeWith(error.code(), error.code(), message);
  }

  /**
   * Sends {@code pusher:error} (when {@code pusherCode} is not null) and a close frame with {@code
   * closeCode}, then closes once the frame is written, or after a grace period for a client that
   * does not read. Idempotent.
   */
  void closeWith(int closeCode, Integer pusherCode, String message) {
    if (closing) {
      return;
    }
    closing = true;
    state.closingBecause(closeCode, message);
    if (!channel.isActive()) {
      return;
    }
    if (pusherCode != null) {
      channel.write(frames.text(PusherJson.error(pusherCode, message)), channel.voidPromise());
    }
    channel
        .writeAndFlush(new CloseWebSocketFrame(closeCode, closeReason(message)))
        .addListener(ChannelFutureListener.CLOSE);
    channel.eventLoop().schedule(() -> channel.close(), CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
  }

  boolean isClosing() {
    return closing;
  }

  void flushNow() {
    dirty = false;
    channel.flush();
  }

  private void markDirty() {
    if (!dirty) {
      dirty = true;
      loop.markDirty(this);
    }
  }

  private long pendingBytes() {
    ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
    return buffer == null ? 0 : buffer.totalPendingWriteBytes();
  }

  /** A close frame's reason is limited to 123 bytes of UTF-8 (RFC 6455 §5.5). */
  static String closeReason(String message) {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= 123) {
      return message;
    }
    String cut = new String(bytes, 0, 120, StandardCharsets.UTF_8);
    return cut.substring(0, cut.length() - 1) + "…";
  }
}
