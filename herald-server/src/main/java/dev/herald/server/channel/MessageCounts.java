package dev.herald.server.channel;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Per app, the messages this node received from clients and the channel messages it delivered to
 * them (one per subscriber reached). Counting is a map lookup and a {@link LongAdder} add: no lock
 * and no allocation once an app has been counted. Thread-safe.
 */
public final class MessageCounts {
  private final ConcurrentHashMap<String, LongAdder> received = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, LongAdder> delivered = new ConcurrentHashMap<>();

  /** Counts one message from a client of {@code appId}. */
  public void received(String appId) {
    adder(received, appId).increment();
  }

  /** The counter of channel messages delivered to {@code appId}'s clients. */
  LongAdder deliveries(String appId) {
    return adder(delivered, appId);
  }

  /** Messages received from {@code appId}'s clients so far. */
  public long receivedFrom(String appId) {
    return sum(received, appId);
  }

  /** Channel messages delivered to {@code appId}'s clients so far, one per subscriber. */
  public long deliveredTo(String appId) {
    return sum(delivered, appId);
  }

  private static LongAdder adder(ConcurrentHashMap<String, LongAdder> counts, String appId) {
    LongAdder adder = counts.get(appId); // the common case: a lock-free read
    return adder != null ? adder : counts.computeIfAbsent(appId, id -> new LongAdder());
  }

  private static long sum(ConcurrentHashMap<String, LongAdder> counts, String appId) {
    LongAdder adder = counts.get(appId);
    return adder == null ? 0 : adder.sum();
  }
}
