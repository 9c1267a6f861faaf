package dev.herald.bench;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import java.nio.charset.StandardCharsets;

/**
 * One load-client connection: subscribes once the server sends connection_established, answers
 * Pusher pings (so long runs outlive the activity timeout) and hands benchmark events to {@link
 * Deliveries}.
 */
final class ClientHandler extends SimpleChannelInboundHandler<TextWebSocketFrame> {
  private final Subscription subscription;
  private final Deliveries deliveries;
  private final LoadClient.Listener listener;
  private boolean subscribed;
  private boolean done;

  ClientHandler(Subscription subscription, Deliveries deliveries, LoadClient.Listener listener) {
    this.subscription = subscription;
    this.deliveries = deliveries;
    this.listener = listener;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
      fail(ctx);
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
    if (deliveries.record(frame.content(), System.nanoTime())) {
      return;
    }
    String text = frame.content().toString(StandardCharsets.UTF_8);
    if (text.contains("\"pusher:connection_established\"")) {
      // Subscribe only now: a private channel's auth signs the socket id (protocol §1.9).
      String message = subscription.message(Subscription.socketId(text));
      ctx.writeAndFlush(new TextWebSocketFrame(message));
    } else if (!subscribed && text.contains("pusher_internal:subscription_succeeded")) {
      subscribed = true;
      listener.subscribed();
    } else if (text.contains("\"pusher:ping\"")) {
      ctx.writeAndFlush(new TextWebSocketFrame("{\"event\":\"pusher:pong\",\"data\":{}}"));
    } else if (text.contains("\"pusher:error\"")) {
      System.err.println("pusher:error " + text);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    fail(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }

  private void fail(ChannelHandlerContext ctx) {
    if (!done) {
      done = true;
      if (subscribed) {
        listener.lost();
      } else {
        listener.failed();
      }
    }
    ctx.close();
  }
}
