package dev.herald.server.netty;

import dev.herald.pusher.PusherJson;
import dev.herald.server.protocol.PusherException;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;

/**
 * Closes a WebSocket that failed the handshake checks: {@code pusher:error} with the code, then a
 * close frame with the same code, as Pusher does, so clients that read either learn why.
 */
final class RejectedConnection {
  private RejectedConnection() {}

  static void close(Channel channel, WebSocketFrames frames, PusherException e) {
    int code = e.error().code();
    channel.write(frames.text(PusherJson.error(code, e.getMessage())));
    channel
        .writeAndFlush(new CloseWebSocketFrame(code, NettyConnection.closeReason(e.getMessage())))
        .addListener(ChannelFutureListener.CLOSE);
  }
}
