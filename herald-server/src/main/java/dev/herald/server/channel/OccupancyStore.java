package dev.herald.server.channel;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * How many subscribers each channel has, counted over the whole cluster when the store is shared:
 * {@code channel_occupied}/{@code channel_vacated}, {@code subscription_count} and the HTTP API's
 * channel list are decided from these counts, so they are the cluster's, not one node's. Internal
 * {@code #} channels are not counted. Thread-safe; never blocks; the futures never fail (a store
 * that cannot reach its backend answers from what this node knows).
 */
public interface OccupancyStore {
  /** Counts one more subscriber; answers the channel's count after it (1: just occupied). */
  CompletableFuture<Integer> added(String appId, String channel);

  /** Counts one subscriber less; answers the channel's count after it (0: just vacated). */
  CompletableFuture<Integer> removed(String appId, String channel);

  /** The channel's subscriber count (0 when unoccupied). */
  CompletableFuture<Integer> count(String appId, String channel);

  /** The app's occupied channels and their subscriber counts, sorted by name. */
  CompletableFuture<Map<String, Integer>> channels(String appId);
}
