package dev.herald;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Rule decisions of a {@link ChannelAuthorizer} per (user key, channel), each kept for a TTL and at
 * most {@code maxEntries} of them, the least recently used evicted first. Only the decision is
 * kept, never a signature: the socket id, and so the signature, differs on every connection.
 * Thread-safe (one lock, held only for map operations, never while a rule runs).
 */
final class DecisionCache {
  private record Key(String user, String channel) {}

  private record Entry(AuthorizationDecision decision, Instant expires) {}

  private final Duration ttl;
  private final Clock clock;
  private final Map<Key, Entry> entries;

  DecisionCache(Duration ttl, int maxEntries, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > maxEntries;
          }
        };
  }

  /** The decision cached for the user and channel, unless there is none or it has expired. */
  synchronized Optional<AuthorizationDecision> find(String user, String channel) {
    Key key = new Key(user, channel);
    Entry entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(entry.expires())) {
      entries.remove(key);
      return Optional.empty();
    }
    return Optional.of(entry.decision());
  }

  /** Keeps {@code decision} for the TTL from now. */
  synchronized void put(String user, String channel, AuthorizationDecision decision) {
    entries.put(new Key(user, channel), new Entry(decision, clock.instant().plus(ttl)));
  }

  /** How many entries are held, expired ones included until they are looked up or evicted. */
  synchronized int size() {
    return entries.size();
  }
}
