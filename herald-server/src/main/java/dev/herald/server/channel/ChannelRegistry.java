package dev.herald.server.channel;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * This node's subscriptions (app, channel → subscribers) and the local fan-out.
 *
 * <p>A broadcast is encoded into one {@link Frame}; each loop that has subscribers gets one task
 * (or runs inline when the publisher is already on it) that hands the same frame to each of its
 * subscribers. Nothing here blocks and nothing is encoded per subscriber.
 *
 * <p>It also counts, per app, the messages clients sent and the channel messages delivered to them
 * ({@link MessageCounts}): one add per loop per broadcast, not one per subscriber.
 *
 * <p>Thread-safety: {@link #subscribe} and {@link #unsubscribe} must be called on the subscriber's
 * loop; {@link #deliver} and the queries may be called from any thread.
 */
public final class ChannelRegistry {
  private final ConcurrentHashMap<ChannelKey, LocalChannel> channels = new ConcurrentHashMap<>();
  private final FrameEncoder encoder;
  private final ChannelInterest interest;
  private final MessageCounts messages = new MessageCounts();

  /** A registry for a single node. */
  public ChannelRegistry(FrameEncoder encoder) {
    this(encoder, ChannelInterest.NONE);
  }

  /** A registry that tells {@code interest} when a channel becomes occupied or vacated here. */
  public ChannelRegistry(FrameEncoder encoder, ChannelInterest interest) {
    this.encoder = encoder;
    this.interest = interest;
  }

  /**
   * Adds {@code subscriber} to the channel; returns the node's subscriber count after the change,
   * or -1 when it was already subscribed.
   */
  public int subscribe(String appId, String channel, Subscriber subscriber) {
    int[] result = {-1};
    channels.compute(
        new ChannelKey(appId, channel),
        (key, existing) -> {
          LocalChannel local = existing == null ? new LocalChannel() : existing;
          if (local.add(subscriber)) {
            result[0] = local.count();
            if (result[0] == 1) {
              interest.occupied(appId, channel);
            }
          }
          return local;
        });
    return result[0];
  }

  /**
   * Removes {@code subscriber} from the channel; returns the node's subscriber count after the
   * change, or -1 when it was not subscribed. An emptied channel is forgotten.
   */
  public int unsubscribe(String appId, String channel, Subscriber subscriber) {
    int[] result = {-1};
    channels.computeIfPresent(
        new ChannelKey(appId, channel),
        (key, local) -> {
          if (local.remove(subscriber)) {
            result[0] = local.count();
            if (result[0] == 0) {
              interest.vacated(appId, channel);
            }
          }
          return local.count() == 0 ? null : local;
        });
    return result[0];
  }

  /**
   * Delivers the message {@code json} to every local subscriber of the channel, except the one
   * whose socket id is {@code exceptSocketId} (may be null). Encodes at most once; returns the
   * number of loops it was handed to.
   */
  public int deliver(String appId, String channel, byte[] json, String exceptSocketId) {
    LocalChannel local = channels.get(new ChannelKey(appId, channel));
    if (local == null) {
      return 0;
    }
    LoopGroup[] groups = local.groups();
    LongAdder delivered = messages.deliveries(appId);
    Frame frame = encoder.encode(json);
    try {
      for (LoopGroup group : groups) {
        if (group.loop.inLoop()) {
          group.deliver(frame, exceptSocketId, delivered);
        } else {
          Frame shared = frame.retain();
          group.loop.execute(
              () -> {
                try {
                  group.deliver(shared, exceptSocketId, delivered);
                } finally {
                  shared.release();
                }
              });
        }
      }
    } finally {
      frame.release();
    }
    return groups.length;
  }

  /** The number of local subscribers of the channel (0 when unoccupied). */
  public int subscriptionCount(String appId, String channel) {
    LocalChannel local = channels.get(new ChannelKey(appId, channel));
    return local == null ? 0 : local.count();
  }

  /** The app's channels with subscribers on this node. */
  public int channelCount(String appId) {
    int count = 0;
    for (ChannelKey key : channels.keySet()) {
      if (key.appId().equals(appId)) {
        count++;
      }
    }
    return count;
  }

  /** The messages this node's clients sent and were delivered, per app. */
  public MessageCounts messages() {
    return messages;
  }

  /** The app's channels with subscribers on this node and their counts, sorted by name. */
  public Map<String, Integer> channels(String appId) {
    TreeMap<String, Integer> result = new TreeMap<>();
    channels.forEach(
        (key, local) -> {
          if (key.appId().equals(appId)) {
            result.put(key.channel(), local.count());
          }
        });
    return result;
  }

  private record ChannelKey(String appId, String channel) {}
}
