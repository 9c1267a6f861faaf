package dev.herald.server.channel;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * The subscribers of one channel that live on one loop. Mutated and read only on that loop, so it
 * needs no locks; the array is copied on write, so a delivery that closes a slow subscriber (and so
 * unsubscribes it) cannot disturb the iteration in progress.
 */
final class LoopGroup {
  private static final Subscriber[] EMPTY = {};

  final Loop loop;
  private Subscriber[] subscribers = EMPTY;

  LoopGroup(Loop loop) {
    this.loop = loop;
  }

  boolean add(Subscriber subscriber) {
    for (Subscriber s : subscribers) {
      if (s == subscriber) {
        return false;
      }
    }
    Subscriber[] next = Arrays.copyOf(subscribers, subscribers.length + 1);
    next[subscribers.length] = subscriber;
    subscribers = next;
    return true;
  }

  boolean remove(Subscriber subscriber) {
    Subscriber[] current = subscribers;
    for (int i = 0; i < current.length; i++) {
      if (current[i] == subscriber) {
        Subscriber[] next = Arrays.copyOf(current, current.length - 1);
        if (i < next.length) {
          next[i] = current[current.length - 1];
        }
        subscribers = next;
        return true;
      }
    }
    return false;
  }

  /**
   * Writes {@code frame} to every subscriber but the one with {@code exceptSocketId} and adds how
   * many it was written to to {@code delivered}.
   */
  void deliver(Frame frame, String exceptSocketId, LongAdder delivered) {
    Subscriber[] targets = subscribers;
    loop.broadcastStarted();
    try {
      delivered.add(deliver(targets, frame, exceptSocketId));
    } finally {
      loop.broadcastEnded();
    }
  }

  private static int deliver(Subscriber[] targets, Frame frame, String exceptSocketId) {
    if (exceptSocketId == null) {
      for (Subscriber s : targets) {
        s.deliver(frame);
      }
      return targets.length;
    }
    int count = 0;
    for (Subscriber s : targets) {
      if (!exceptSocketId.equals(s.socketId())) {
        s.deliver(frame);
        count++;
      }
    }
    return count;
  }
}
