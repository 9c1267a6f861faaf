package dev.herald.server.netty;

import io.netty.channel.EventLoop;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link NettyLoop} per event loop, so the channel registry can group subscribers by loop. */
final class NettyLoops {
  private final ConcurrentHashMap<EventLoop, NettyLoop> loops = new ConcurrentHashMap<>();
  private final java.util.function.Consumer<NettyLoop> onNewLoop;

  NettyLoops(java.util.function.Consumer<NettyLoop> onNewLoop) {
    this.onNewLoop = onNewLoop;
  }

  /** Every loop that has had a connection. */
  java.util.Collection<NettyLoop> all() {
    return java.util.List.copyOf(loops.values());
  }

  NettyLoop of(EventLoop eventLoop) {
    NettyLoop loop = loops.get(eventLoop);
    if (loop != null) {
      return loop;
    }
    return loops.computeIfAbsent(
        eventLoop,
        el -> {
          NettyLoop created = new NettyLoop(el);
          onNewLoop.accept(created);
          return created;
        });
  }
}
