package dev.herald.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.SingleThreadEventLoop;
import io.netty.util.AttributeKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline server's channel → subscribers index and its fan-out. Everything runs on the one
 * event loop, so nothing here is synchronized.
 */
final class Subscribers {
  private static final AttributeKey<List<String>> CHANNELS = AttributeKey.valueOf("channels");

  private final WriteMode mode;
  private final Map<String, List<Channel>> byChannel = new HashMap<>();
  private final List<Channel> dirty = new ArrayList<>();
  private boolean flushScheduled;

  Subscribers(WriteMode mode) {
    this.mode = mode;
  }

  void subscribe(String channel, Channel subscriber) {
    List<String> channels = subscriber.attr(CHANNELS).get();
    if (channels == null) {
      channels = new ArrayList<>(2);
      subscriber.attr(CHANNELS).set(channels);
    }
    if (!channels.contains(channel)) {
      channels.add(channel);
      byChannel.computeIfAbsent(channel, c -> new ArrayList<>()).add(subscriber);
    }
  }

  void unsubscribe(String channel, Channel subscriber) {
    List<String> channels = subscriber.attr(CHANNELS).get();
    if (channels != null && channels.remove(channel)) {
      List<Channel> list = byChannel.get(channel);
      list.remove(subscriber);
      if (list.isEmpty()) {
        byChannel.remove(channel);
      }
    }
  }

  /** Forgets a closed subscriber in every channel it joined. */
  void remove(Channel subscriber) {
    List<String> channels = subscriber.attr(CHANNELS).get();
    if (channels != null) {
      List.copyOf(channels).forEach(channel -> unsubscribe(channel, subscriber));
    }
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
