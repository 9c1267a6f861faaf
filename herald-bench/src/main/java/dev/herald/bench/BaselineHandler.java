package dev.herald.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One connection of the baseline server: the Pusher subset a fan-out benchmark needs. WebSocket
 * {@code /app/{key}} → connection_established; pusher:subscribe → subscription_succeeded (no
 * signature checks, any channel); pusher:ping → pusher:pong; HTTP {@code POST /apps/{id}/events} →
 * one broadcast, encoded and framed once, answered {@code 200 {}} (the request signature is not
 * checked).
 */
final class BaselineHandler extends SimpleChannelInboundHandler<Object> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicLong SOCKET_IDS = new AtomicLong(1);

  private final Subscribers subscribers;
  private WebSocketServerHandshaker handshaker;

  BaselineHandler(Subscribers subscribers) {
    this.subscribers = subscribers;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, Object msg) throws IOException {
    if (msg instanceof FullHttpRequest request) {
      onHttp(ctx, request);
    } else if (msg instanceof WebSocketFrame frame) {
      onFrame(ctx, frame);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    subscribers.remove(ctx.channel());
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }

  private void onHttp(ChannelHandlerContext ctx, FullHttpRequest request) throws IOException {
    String uri = request.uri();
    if (uri.startsWith("/app/")) {
      String url = "ws://" + request.headers().get(HttpHeaderNames.HOST) + uri;
      handshaker = new WebSocketServerHandshakerFactory(url, null, false).newHandshaker(request);
      if (handshaker == null) {
        WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
        return;
      }
      handshaker
          .handshake(ctx.channel(), request)
          .addListener(
              f -> {
                if (f.isSuccess()) {
                  long id = SOCKET_IDS.getAndIncrement();
                  sendText(
                      ctx,
                      "{\"event\":\"pusher:connection_established\",\"data\":\"{\\\"socket_id\\\":\\\""
                          + id
                          + "."
                          + id
                          + "\\\",\\\"activity_timeout\\\":120}\"}");
                }
              });
    } else if (request.method() == HttpMethod.POST && uri.matches("/apps/[^/]+/events(\\?.*)?")) {
      broadcast(ctx, JSON.readTree(request.content().toString(StandardCharsets.UTF_8)));
      respond(ctx, request, HttpResponseStatus.OK, "{}");
    } else if (request.method() == HttpMethod.POST
        && uri.matches("/apps/[^/]+/batch_events(\\?.*)?")) {
      JsonNode body = JSON.readTree(request.content().toString(StandardCharsets.UTF_8));
      for (JsonNode item : body.path("batch")) {
        broadcast(ctx, item);
      }
      respond(ctx, request, HttpResponseStatus.OK, "{}");
    } else {
      respond(ctx, request, HttpResponseStatus.NOT_FOUND, "{\"error\":\"not found\"}");
    }
  }

  private void broadcast(ChannelHandlerContext ctx, JsonNode body) throws IOException {
    String channel = body.path("channel").asText();
    ObjectNode event = JSON.createObjectNode();
    event.put("event", body.path("name").asText());
    event.put("channel", channel);
    event.put("data", body.path("data").asText());
    ByteBuf frame = TextFrames.encode(ctx.alloc(), JSON.writeValueAsBytes(event));
    subscribers.broadcast(channel, frame, ctx.channel().eventLoop());
  }

  private void onFrame(ChannelHandlerContext ctx, WebSocketFrame frame) throws IOException {
    if (frame instanceof TextWebSocketFrame text) {
      JsonNode message = JSON.readTree(text.text());
      String event = message.path("event").asText();
      if (event.equals("pusher:subscribe")) {
        String channel = message.path("data").path("channel").asText();
        subscribers.subscribe(channel, ctx.channel());
        sendText(
            ctx,
            "{\"event\":\"pusher_internal:subscription_succeeded\",\"channel\":"
                + JSON.writeValueAsString(channel)
                + ",\"data\":\"{}\"}");
      } else if (event.equals("pusher:unsubscribe")) {
        subscribers.unsubscribe(message.path("data").path("channel").asText(), ctx.channel());
      } else if (event.equals("pusher:ping")) {
        sendText(ctx, "{\"event\":\"pusher:pong\",\"data\":\"{}\"}");
      }
    } else if (frame instanceof PingWebSocketFrame) {
      ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
    } else if (frame instanceof CloseWebSocketFrame close) {
      handshaker.close(ctx.channel(), close.retain());
    }
  }

  private static void sendText(ChannelHandlerContext ctx, String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    ctx.channel().writeAndFlush(TextFrames.encode(ctx.alloc(), bytes));
  }

  private static void respond(
      ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status, String body) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
    HttpUtil.setContentLength(response, response.content().readableBytes());
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    HttpUtil.setKeepAlive(response, keepAlive);
    if (keepAlive) {
      ctx.writeAndFlush(response);
    } else {
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
