package dev.herald.server.redis;

import dev.herald.redis.RedisKeys;
import dev.herald.server.redis.Counter.Kind;

/**
 * Where a counter lives in Redis, as the scripts see it: its counts hash and field, its infos hash
 * (the members hash for presence, the counts hash itself otherwise), and the counter's identity.
 * count.lua encodes these six, in this order, as the JSON field of the node's ledger hash, and
 * sync.lua answers them back.
 *
 * @param countsKey the hash of field → cluster count
 * @param field the field in both hashes
 * @param infosKey the hash of field → info; equal to {@code countsKey} when the kind keeps none
 * @param kind what is counted
 * @param appId the app
 * @param channel the channel (empty for {@link Kind#ONLINE})
 */
record LedgerEntry(
    String countsKey, String field, String infosKey, Kind kind, String appId, String channel) {

  /** Where {@code counter} lives under {@code keys}. */
  static LedgerEntry of(Counter counter, RedisKeys keys) {
    String counts =
        switch (counter.kind()) {
          case OCCUPANCY -> keys.occupancyKey(counter.appId());
          case ONLINE -> keys.onlineKey(counter.appId());
          case PRESENCE -> keys.presenceKey(counter.appId(), counter.channel());
        };
    String infos =
        counter.kind() == Kind.PRESENCE
            ? keys.membersKey(counter.appId(), counter.channel())
            : counts;
    return new LedgerEntry(
        counts, counter.field(), infos, counter.kind(), counter.appId(), counter.channel());
  }

  /** The counter this entry counts. */
  Counter counter() {
    return new Counter(kind, appId, channel, field);
  }

  /** The key that marks a departure of this counter held for the webhooks' comeback delay. */
  String heldDepartureKey() {
    return RedisKeys.heldDepartureKey(countsKey, field);
  }
}
