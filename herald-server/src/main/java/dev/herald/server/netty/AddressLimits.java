package dev.herald.server.netty;

import dev.herald.server.app.RateLimiter;
import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * WebSocket connections per client address: how many are open ({@code max_connections_per_ip}) and
 * how fast new ones come ({@code new_connections_per_ip_per_second}). An address's entry outlives
 * its last connection by a second, so closing and reopening cannot refill the rate, and is then
 * swept away, so the table holds only addresses seen lately. Thread-safe.
 */
final class AddressLimits {
  static final long SWEEP_EVERY_MILLIS = 10_000;

  private final int maxConnections;
  private final int perSecond;
  private final LongSupplier millis;
  private final ConcurrentHashMap<InetAddress, Entry> entries = new ConcurrentHashMap<>();
  private volatile long sweptAt;

  /** One address: its open connections and its rate. Guarded by the map's per-key locking. */
  private static final class Entry {
    final RateLimiter rate;
    int open;
    long lastUsed;

    Entry(RateLimiter rate) {
      this.rate = rate;
    }
  }

  AddressLimits(ConnectionLimits limits, LongSupplier millis) {
    this.maxConnections = limits.maxConnectionsPerIp();
    this.perSecond = limits.newConnectionsPerIpPerSecond();
    this.millis = millis;
    this.sweptAt = millis.getAsLong();
  }

  /**
   * Counts a new connection from {@code address}, or says why it is refused; every admitted
   * connection must be {@link #release released}.
   */
  Optional<String> admit(InetAddress address) {
    if (maxConnections == 0 && perSecond == 0) {
      return Optional.empty();
    }
    long now = millis.getAsLong();
    String[] refusal = new String[1];
    entries.compute(
        address,
        (a, entry) -> {
          Entry e = entry != null ? entry : new Entry(new RateLimiter(Math.max(1, perSecond), now));
          e.lastUsed = now;
          if (maxConnections > 0 && e.open >= maxConnections) {
            refusal[0] =
                "Over capacity: "
                    + maxConnections
                    + " connections from your address are open (max_connections_per_ip)";
          } else if (perSecond > 0 && !e.rate.tryAcquire(now)) {
            refusal[0] =
                "Over capacity: more than "
                    + perSecond
                    + " new connections per second from your address"
                    + " (new_connections_per_ip_per_second)";
          } else {
            e.open++;
          }
          return e;
        });
    sweepIfDue(now);
    return Optional.ofNullable(refusal[0]);
  }

  /** Gives back a connection {@link #admit} counted. */
  void release(InetAddress address) {
    if (maxConnections == 0 && perSecond == 0) {
      return;
    }
    long now = millis.getAsLong();
    entries.computeIfPresent(
        address,
        (a, e) -> {
          e.open--;
          e.lastUsed = now;
          return e;
        });
  }

  /** Addresses with entries (open connections, or seen within the last second or so). */
  int trackedAddresses() {
    return entries.size();
  }

  private void sweepIfDue(long now) {
    if (now - sweptAt < SWEEP_EVERY_MILLIS) {
      return;
    }
    sweptAt = now;
    for (InetAddress address : entries.keySet()) {
      entries.computeIfPresent(
          address, (a, e) -> e.open <= 0 && now - e.lastUsed >= 1000 ? null : e);
    }
  }
}
