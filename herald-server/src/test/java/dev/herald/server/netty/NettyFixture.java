package dev.herald.server.netty;

import dev.herald.server.app.App;
import dev.herald.server.app.StaticAppRegistry;
import dev.herald.server.channel.ChannelRegistry;
import dev.herald.server.cluster.Cluster;
import dev.herald.server.protocol.NodeDelivery;
import dev.herald.server.protocol.ProtocolSettings;
import dev.herald.server.protocol.PusherProtocol;
import dev.herald.server.protocol.SignedInUsers;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** A connection on an {@link EmbeddedChannel}, with a counter of flushes reaching the socket. */
final class NettyFixture {
  static final App APP = App.of("1", "app-key", "app-secret");

  final WebSocketFrames frames = new WebSocketFrames(new UnpooledByteBufAllocator(false));
  final ChannelRegistry channels = new ChannelRegistry(frames);
  final PusherProtocol protocol =
      new PusherProtocol(
          ProtocolSettings.DEFAULTS,
          new StaticAppRegistry(List.of(APP)),
          channels,
          Cluster.singleNode(new NodeDelivery(channels, new SignedInUsers())),
          new SignedInUsers(),
          event -> {},
          (task, delay) -> {},
          Clock.systemUTC());
  final LongAdder slowClosed = new LongAdder();
  final FlushCounter flushes = new FlushCounter();
  final EmbeddedChannel channel = new EmbeddedChannel(flushes);
  final NettyLoop loop = new NettyLoop(channel.eventLoop());

  NettyConnection connection(String socketId, long maxOutboundBytes) {
    return new NettyConnection(
        channel, loop, frames, APP, socketId, protocol.newState(), maxOutboundBytes, slowClosed);
  }

  /** Counts flush calls that reach the transport. */
  static final class FlushCounter extends ChannelOutboundHandlerAdapter {
    volatile int count;

    /** When set, flushes stop here, as with a socket whose peer stopped reading. */
    volatile boolean stalled;

    @Override
    public void flush(ChannelHandlerContext ctx) {
      count++;
      if (!stalled) {
        ctx.flush();
      }
    }
  }
}
