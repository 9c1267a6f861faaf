package dev.herald.server.netty;

import dev.herald.server.protocol.PusherError;
import dev.herald.server.protocol.PusherProtocol;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds one client's WebSocket frames to the protocol. Every inbound frame, control frames
 * included, counts as activity (field notes §6: SDKs that only send control pings).
 */
final class WebSocketHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
  private static final Logger log = LoggerFactory.getLogger(WebSocketHandler.class);

  private final PusherProtocol protocol;
  private final NettyConnection conn;
  private final int maxMessageBytes;

  WebSocketHandler(PusherProtocol protocol, NettyConnection conn, int maxMessageBytes) {
    this.protocol = protocol;
    this.conn = conn;
    this.maxMessageBytes = maxMessageBytes;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
    if (frame instanceof TextWebSocketFrame text) {
      protocol.onMessage(conn, text.text());
      return;
    }
    protocol.onActivity(conn);
    if (frame instanceof PingWebSocketFrame) {
      ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
    } else if (frame instanceof CloseWebSocketFrame close) {
      // Echo the client's close (RFC 6455 §5.5.1), then close the TCP connection.
      int status = close.statusCode() < 0 ? 1000 : close.statusCode();
      conn.closeWith(status, null, "");
    } else if (frame instanceof BinaryWebSocketFrame) {
      conn.send(
          dev.herald.pusher.PusherJson.error(
              PusherError.INVALID_MESSAGE.code(),
              "Binary frames are not supported: send JSON text frames"));
    } else if (!(frame instanceof PongWebSocketFrame)) {
      log.debug("app={} socket={} ignored frame {}", conn.app().id(), conn.socketId(), frame);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    ((NettyLoop) conn.loop()).connections.remove(conn);
    protocol.onClose(conn);
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof TooLongFrameException
        || (cause instanceof CorruptedWebSocketFrameException corrupted
            && corrupted.closeStatus() == WebSocketCloseStatus.MESSAGE_TOO_BIG)) {
      conn.closeWith(
          WebSocketCloseStatus.MESSAGE_TOO_BIG.code(),
          PusherError.INVALID_MESSAGE.code(),
          "Message too large: the limit is " + maxMessageBytes + " bytes");
    } else if (cause instanceof CorruptedWebSocketFrameException corrupted) {
      conn.closeWith(
          corrupted.closeStatus().code(),
          PusherError.INVALID_MESSAGE.code(),
          "Invalid WebSocket frame: " + cause.getMessage());
    } else if (cause instanceof IOException) {
      log.debug(
          "app={} socket={} I/O error: {}", conn.app().id(), conn.socketId(), cause.toString());
      ctx.close();
    } else {
      log.warn("app={} socket={} unexpected error", conn.app().id(), conn.socketId(), cause);
      conn.close(PusherError.RECONNECT, "Internal server error; please reconnect");
    }
  }
}
