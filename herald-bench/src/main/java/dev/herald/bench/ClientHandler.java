package dev.herald.bench;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One load-client connection: sends what its {@link Behavior} asks once the server sends
 * connection_established, counts the subscriptions' acknowledgements, answers Pusher pings (so long
 * runs outlive the activity timeout) and remembers the close code the server gave (close frame or
 * {@code pusher:error}).
 *
 * <p>The commands ({@link #send}, {@link #stall}, {@link #resume}, {@link #closeCleanly}, {@link
 * #closeAbruptly}) may be called from any thread.
 */
final class ClientHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
  private final int index;
  private final Behavior behavior;
  private final LoadClient.Listener listener;
  private volatile Channel channel;
  private volatile String socketId;
  private volatile int closeCode = -1;
  private volatile int errorCode = -1;
  private int pendingAcks = -1;
  private boolean ready;
  private boolean done;

  ClientHandler(int index, Behavior behavior, LoadClient.Listener listener) {
    this.index = index;
    this.behavior = behavior;
    this.listener = listener;
  }

  int index() {
    return index;
  }

  String socketId() {
    return socketId;
  }

  /** The close code of the server's close frame, or -1 when none arrived. */
  int closeCode() {
    return closeCode;
  }

  /** The code of the last {@code pusher:error} frame, or -1. */
  int errorCode() {
    return errorCode;
  }

  boolean isOpen() {
    Channel ch = channel;
    return ch != null && ch.isActive();
  }

  /** Sends one text frame. */
  void send(String text) {
    Channel ch = channel;
    if (ch != null) {
      ch.writeAndFlush(new TextWebSocketFrame(text));
    }
  }

  /** Runs {@code task} on this connection's event loop after {@code millis}. */
  void schedule(Runnable task, long millis) {
    Channel ch = channel;
    if (ch != null) {
      ch.eventLoop().schedule(task, millis, TimeUnit.MILLISECONDS);
    }
  }

  /** Stops reading from the socket (a client that no longer keeps up). */
  void stall() {
    Channel ch = channel;
    if (ch != null) {
      ch.config().setAutoRead(false);
    }
  }

  /** Reads again after {@link #stall}. */
  void resume() {
    Channel ch = channel;
    if (ch != null) {
      ch.config().setAutoRead(true);
      ch.read();
    }
  }

  /** Sends a close frame (1000); the server answers and closes the socket, or we do after 5 s. */
  void closeCleanly() {
    Channel ch = channel;
    if (ch != null) {
      ch.writeAndFlush(new CloseWebSocketFrame(1000, ""));
      ch.eventLoop().schedule(() -> ch.close(), 5, TimeUnit.SECONDS);
    }
  }

  /** Closes the TCP connection without a WebSocket close handshake. */
  void closeAbruptly() {
    Channel ch = channel;
    if (ch != null) {
      ch.close();
    }
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    channel = ctx.channel();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
      finish(ctx);
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
    if (frame instanceof TextWebSocketFrame) {
      onText(ctx, frame);
    } else if (frame instanceof CloseWebSocketFrame close) {
      closeCode = close.statusCode();
      ctx.close();
    }
  }

  private void onText(ChannelHandlerContext ctx, WebSocketFrame frame) {
    long now = System.nanoTime();
    String text = frame.content().toString(StandardCharsets.UTF_8);
    if (text.contains("\"pusher:connection_established\"")) {
      // Subscribe only now: a private channel's auth signs the socket id (protocol §1.9).
      socketId = Subscription.socketId(text);
      List<String> messages = behavior.onEstablished(this, socketId);
      pendingAcks = messages.size();
      messages.forEach(m -> ctx.write(new TextWebSocketFrame(m)));
      ctx.flush();
      if (pendingAcks == 0) {
        ready();
      }
      return;
    }
    if (text.contains("\"pusher:ping\"")) {
      ctx.writeAndFlush(new TextWebSocketFrame("{\"event\":\"pusher:pong\",\"data\":{}}"));
      return;
    }
    if (!ready && text.contains("pusher_internal:subscription_succeeded") && --pendingAcks == 0) {
      ready();
    } else if (text.contains("\"pusher:error\"")) {
      errorCode = PusherText.errorCode(text);
    }
    behavior.onText(this, text, now);
  }

  private void ready() {
    ready = true;
    listener.subscribed();
    behavior.onReady(this);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    finish(ctx);
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }

  private void finish(ChannelHandlerContext ctx) {
    if (!done) {
      done = true;
      if (ready) {
        listener.lost(this);
      } else {
        listener.failed(this);
      }
      behavior.onClosed(this);
    }
    ctx.close();
  }
}
