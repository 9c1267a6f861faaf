package dev.herald.server.netty;

import dev.herald.server.api.ApiRequest;
import dev.herald.server.api.ApiResponse;
import dev.herald.server.api.HttpApi;
import dev.herald.server.app.App;
import dev.herald.server.protocol.PusherError;
import dev.herald.server.protocol.PusherException;
import dev.herald.server.protocol.PusherProtocol;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.ReadTimeoutException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler of every connection: a WebSocket upgrade becomes a Pusher connection (after the
 * handshake checks), anything else goes to the HTTP API on the same port.
 */
final class HttpRouter extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger log = LoggerFactory.getLogger(HttpRouter.class);
  private static final String X_FORWARDED_FOR = "X-Forwarded-For";
  private static final List<String> ROUTED_HEADERS =
      List.of(
          "authorization", "x-forwarded-for", "forwarded", "if-none-match", "host", "content-type");
  static final String MALFORMED_URI =
      "Malformed request URI: a '%' must start an escape of two hex digits (send '%' as %25)";

  private final PusherProtocol protocol;
  private final HttpApi api;
  private final NettyLoops loops;
  private final WebSocketFrames frames;
  private final NettySettings settings;
  private final LongAdder slowConsumersClosed;
  private final ClientAddresses clients;
  private final AddressLimits addressLimits;
  private final BooleanSupplier draining;

  HttpRouter(
      PusherProtocol protocol,
      HttpApi api,
      NettyLoops loops,
      WebSocketFrames frames,
      NettySettings settings,
      LongAdder slowConsumersClosed,
      ClientAddresses clients,
      AddressLimits addressLimits,
      BooleanSupplier draining) {
    this.protocol = protocol;
    this.api = api;
    this.loops = loops;
    this.frames = frames;
    this.settings = settings;
    this.slowConsumersClosed = slowConsumersClosed;
    this.clients = clients;
    this.addressLimits = addressLimits;
    this.draining = draining;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    HandshakeDeadline deadline = (HandshakeDeadline) ctx.pipeline().get(HandshakeDeadline.NAME);
    if (deadline != null) {
      deadline.requestComplete();
    }
    if (!request.decoderResult().isSuccess()) {
      // The decoder cannot find the next request's start: answer and close.
      HttpUtil.setKeepAlive(request, false);
      respond(ctx, request, malformed(request.decoderResult().cause()));
      return;
    }
    RequestTarget target;
    try {
      target = RequestTarget.decode(request.uri());
    } catch (IllegalArgumentException e) {
      // The request is well framed, only its target cannot be decoded: a client error, not ours.
      respond(ctx, request, ApiResponse.error(400, MALFORMED_URI));
      return;
    }
    if (isWebSocketUpgrade(request)) {
      upgrade(ctx, request, target);
      return;
    }
    byte[] body = ByteBufUtil.getBytes(request.content());
    ApiRequest apiRequest =
        new ApiRequest(
            request.method().name(),
            target.path(),
            target.parameters(),
            body,
            routedHeaders(request),
            ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress());
    request.retain();
    api.handle(apiRequest)
        .whenComplete(
            (response, error) -> {
              ApiResponse answer =
                  error == null
                      ? response
                      : new ApiResponse(500, "{\"error\":\"Internal server error\"}");
              respond(ctx, request, answer);
              request.release();
            });
  }

  private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, RequestTarget uri) {
    WebSocketDecoderConfig config =
        WebSocketDecoderConfig.newBuilder()
            .maxFramePayloadLength(settings.maxMessageBytes())
            .allowExtensions(false)
            .closeOnProtocolViolation(false)
            .build();
    WebSocketServerHandshaker handshaker =
        new WebSocketServerHandshakerFactory("ws://" + request.headers().get("Host"), null, config)
            .newHandshaker(request);
    if (handshaker == null) {
      WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
      return;
    }
    App app = null;
    PusherException rejection = null;
    InetAddress client =
        clients.client(
            (InetSocketAddress) ctx.channel().remoteAddress(),
            request.headers().getAll(X_FORWARDED_FOR));
    boolean drain = draining.getAsBoolean();
    Optional<String> overLimit = drain ? Optional.empty() : addressLimits.admit(client);
    if (drain) {
      rejection = PusherException.fatal(PusherError.RECONNECT, NettyServer.DRAIN_MESSAGE);
    } else if (overLimit.isPresent()) {
      rejection = PusherException.fatal(PusherError.OVER_CAPACITY, overLimit.get());
    } else {
      ctx.channel().closeFuture().addListener(f -> addressLimits.release(client));
      try {
        app =
            protocol.admit(
                uri.path(), uri.parameters(), request.headers().get(HttpHeaderNames.ORIGIN));
      } catch (PusherException e) {
        rejection = e;
      }
    }
    if (app == null) {
      PusherException e = rejection;
      handshaker
          .handshake(ctx.channel(), request)
          .addListener(
              f -> {
                if (f.isSuccess()) {
                  // Rejected before connection_established: the error, then the close code.
                  RejectedConnection.close(ctx.channel(), frames, e);
                }
              });
      return;
    }
    NettyLoop loop = loops.of(ctx.channel().eventLoop());
    NettyConnection conn =
        new NettyConnection(
            ctx.channel(),
            loop,
            frames,
            app,
            protocol.newSocketId(),
            protocol.newState(),
            settings.maxOutboundBytes(),
            slowConsumersClosed);
    ctx.pipeline()
        .addAfter(
            ctx.name(), "ws-aggregator", new WebSocketFrameAggregator(settings.maxMessageBytes()));
    ctx.pipeline()
        .addAfter(
            "ws-aggregator",
            "pusher",
            new WebSocketHandler(protocol, conn, settings.maxMessageBytes()));
    ctx.pipeline().remove(this);
    ctx.pipeline().remove("http-idle");
    ctx.pipeline().remove(HandshakeDeadline.NAME);
    loop.connections.add(conn);
    handshaker
        .handshake(ctx.channel(), request)
        .addListener(
            f -> {
              if (f.isSuccess()) {
                protocol.onOpen(conn);
              } else {
                ctx.close();
              }
            });
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Idle timeouts and resets are routine for HTTP keep-alive connections; anything else is a bug.
    if (!(cause instanceof java.io.IOException || cause instanceof ReadTimeoutException)) {
      log.warn("HTTP connection from {} failed", ctx.channel().remoteAddress(), cause);
    }
    ctx.close();
  }

  private ApiResponse malformed(Throwable cause) {
    if (cause instanceof TooLongHttpLineException) {
      return ApiResponse.error(
          414,
          "URI too long: the request line may be at most "
              + NettyServer.MAX_REQUEST_LINE_BYTES
              + " bytes");
    }
    if (cause instanceof TooLongHttpHeaderException) {
      return ApiResponse.error(
          431,
          "Request header fields too large: the headers may be at most "
              + settings.connectionLimits().maxHeaderBytes()
              + " bytes (max_header_bytes)");
    }
    return ApiResponse.error(400, "Malformed HTTP request");
  }

  /** The headers API routes read, by lower-case name (the rest are never looked at). */
  private static Map<String, String> routedHeaders(FullHttpRequest request) {
    Map<String, String> headers = new HashMap<>();
    for (String name : ROUTED_HEADERS) {
      String value = request.headers().get(name);
      if (value != null) {
        headers.put(name, value);
      }
    }
    return headers;
  }

  private static boolean isWebSocketUpgrade(FullHttpRequest request) {
    return request
        .headers()
        .containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
  }

  private static void respond(ChannelHandlerContext ctx, FullHttpRequest request, ApiResponse r) {
    if (r.stream() != null) {
      HttpVersion version = request.protocolVersion();
      // The answer may complete off the loop; the pipeline is changed on it.
      ctx.executor().execute(() -> EventStreamHandler.start(ctx, version, r));
      return;
    }
    byte[] body = r.json().getBytes(StandardCharsets.UTF_8);
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            // A request line too long to parse has no version: answer as HTTP/1.1.
            request.decoderResult().isSuccess() ? request.protocolVersion() : HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(r.status()),
            Unpooled.wrappedBuffer(body));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, r.contentType());
    r.headers().forEach((name, value) -> response.headers().set(name, value));
    if (r.retryAfterSeconds() > 0) {
      response.headers().set(HttpHeaderNames.RETRY_AFTER, r.retryAfterSeconds());
    }
    HttpUtil.setContentLength(response, body.length);
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    HttpUtil.setKeepAlive(response, keepAlive);
    if (keepAlive) {
      ctx.writeAndFlush(response);
    } else {
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
