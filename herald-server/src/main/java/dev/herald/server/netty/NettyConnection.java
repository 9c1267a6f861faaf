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
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client WebSocket as the protocol sees it. Writes never block and are flushed as its loop
 * decides (at once when idle, coalesced under load: {@link NettyLoop}); a subscriber whose unsent
 * bytes exceed the bound is closed with 4100 instead of buffering without limit. Only used on its
 * channel's event loop.
 */
final class NettyConnection implements Connection {
  private static final Logger log = LoggerFactory.getLogger(NettyConnection.class);
  private static final long CLOSE_GRACE_SECONDS = 2;

  private final Channel channel;
  private final NettyLoop loop;
  private final WebSocketFrames frames;
  private volatile App app; // replaced by a reload that changes the app's settings
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
    if (pendingBytes() > UNFLUSHED_FACTOR * maxOutboundBytes) {
      closeAsSlow(); // a memory bound even before the next flush
      return;
    }
    channel.write(((NettyFrame) frame).buf.retainedDuplicate(), channel.voidPromise());
    if (loop.flushingAtOnce()) {
      flushNow();
    } else {
      markDirty();
    }
  }

  /**
   * Closes with 4100 a client whose socket refused more than {@code maxOutboundBytes}. Judged right
   * after a flush, when everything still pending is what the socket would not take: bytes only
   * waiting for the coalesced flush (a busy server, not a slow client) never count.
   */
  private void checkSlowAfterFlush() {
    if (!closing && !channel.isWritable() && pendingBytes() > maxOutboundBytes) {
      closeAsSlow();
    }
  }

  private void closeAsSlow() {
    slowConsumersClosed.increment();
    log.warn(
        "app={} socket={} closed as a slow consumer: {} bytes unsent (limit {})",
        app.id(),
        socketId,
        pendingBytes(),
        maxOutboundBytes);
    close(PusherError.OVER_CAPACITY, "Over capacity: the client is not reading fast enough");
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
    channel.eventLoop().schedule(this::forceClose, CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
  }

  /**
   * The peer did not take the close frame within the grace period: reset the connection (SO_LINGER
   * 0), so the kernel drops what it still buffers for a client that stopped reading instead of
   * holding up to megabytes per socket until the client reads or times out.
   */
  private void forceClose() {
    if (channel.isActive()) {
      channel.config().setOption(ChannelOption.SO_LINGER, 0);
      channel.close();
    }
  }

  boolean isClosing() {
    return closing;
  }

  /** Takes the app's settings after a reload; the id and key are the same. On the loop. */
  void useApp(App reloaded) {
    this.app = reloaded;
  }

  /** Completes once the socket is closed. */
  CompletableFuture<Void> closed() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    channel.closeFuture().addListener(f -> done.complete(null));
    return done;
  }

  void flushNow() {
    dirty = false;
    channel.flush();
    checkSlowAfterFlush();
  }

  private void markDirty() {
    if (!dirty) {
      dirty = true;
      loop.markDirty(this);
    }
  }

  /**
   * How many times {@code maxOutboundBytes} may wait unflushed (a loop with a backlog of broadcasts
   * writes them all before its flush) before the client is closed anyway, so memory stays bounded.
   */
  static final int UNFLUSHED_FACTOR = 4;

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
