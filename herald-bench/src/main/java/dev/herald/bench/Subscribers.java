package dev.herald.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.SingleThreadEventLoop;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline server's channel → subscribers index and its fan-out. Everything runs on the one
 * event loop, so nothing here is synchronized.
 */
final class Subscribers {
  private final WriteMode mode;
  private final Map<String, List<Channel>> byChannel = new HashMap<>();
  private final List<Channel> dirty = new ArrayList<>();
  private boolean flushScheduled;

  Subscribers(WriteMode mode) {
    this.mode = mode;
  }

  void subscribe(String channel, Channel subscriber) {
    byChannel.computeIfAbsent(channel, c -> new ArrayList<>()).add(subscriber);
  }

  void remove(Channel subscriber) {
    byChannel.values().forEach(list -> list.remove(subscriber));
  }

  /** Writes {@code frame} to every subscriber of {@code channel} and releases it; the count. */
  int broadcast(String channel, ByteBuf frame, EventLoop loop) {
    List<Channel> list = byChannel.getOrDefault(channel, List.of());
    try {
      for (Channel subscriber : list) {
        if (mode == WriteMode.FLUSH) {
          subscriber.writeAndFlush(frame.retainedDuplicate(), subscriber.voidPromise());
        } else {
          subscriber.write(frame.retainedDuplicate(), subscriber.voidPromise());
          dirty.add(subscriber);
        }
      }
    } finally {
      frame.release();
    }
    if (mode == WriteMode.COALESCE && !flushScheduled && !dirty.isEmpty()) {
      flushScheduled = true;
      ((SingleThreadEventLoop) loop).executeAfterEventLoopIteration(this::flushDirty);
    }
    return list.size();
  }

  private void flushDirty() {
    flushScheduled = false;
    // A subscriber dirtied by several broadcasts in one pass is flushed once: flush() on a
    // channel with nothing pending is a cheap no-op.
    for (Channel subscriber : dirty) {
      subscriber.flush();
    }
    dirty.clear();
  }
}
