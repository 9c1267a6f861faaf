package dev.herald.server.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this node can reach Redis, and what failed while it could not: readiness ({@code GET
 * /ready}), a failure counter, and a WARN log at most every {@value #LOG_EVERY_MILLIS} ms, so an
 * outage is visible without flooding the log. Redis counts as reachable while the connection is up
 * and the heartbeat has been answered recently: a Redis that stalls (a long fork, a frozen VM)
 * keeps its connections open but answers nothing. Thread-safe.
 */
public final class RedisHealth {
  static final long LOG_EVERY_MILLIS = 10_000;
  private static final Logger log = LoggerFactory.getLogger(RedisHealth.class);

  private volatile boolean connected;
  private final LongAdder failures = new LongAdder();
  private final AtomicLong lastWarnMillis = new AtomicLong(Long.MIN_VALUE / 2);
  private volatile long disconnectedSinceMillis = -1;
  private final long stallNanos;
  private volatile long answeredNanos = System.nanoTime();

  /**
   * @param stall how long the heartbeat may go unanswered on an open connection before Redis counts
   *     as unreachable
   */
  RedisHealth(Duration stall) {
    this.stallNanos = stall.toNanos();
  }

  /** The connection to Redis is up (again). */
  void reconnected() {
    if (!connected) {
      log.info("Redis connected");
    }
    connected = true;
    disconnectedSinceMillis = -1;
  }

  /** The connection to Redis was lost. */
  void lost() {
    if (connected || disconnectedSinceMillis < 0) {
      log.warn("Redis connection lost; delivering locally and reconnecting");
      disconnectedSinceMillis = System.currentTimeMillis();
    }
    connected = false;
  }

  /** The heartbeat was answered. */
  void answered() {
    answeredNanos = System.nanoTime();
  }

  /** A Redis command failed; {@code what} says what could not be done. */
  void failed(String what, Throwable error) {
    failures.increment();
    long now = System.currentTimeMillis();
    long last = lastWarnMillis.get();
    if (now - last >= LOG_EVERY_MILLIS && lastWarnMillis.compareAndSet(last, now)) {
      log.warn(
          "Redis unavailable: could not {} ({}); {} Redis failures so far",
          what,
          error.getMessage(),
          failures.sum());
    }
  }

  /** Whether Redis is reachable now: connected, and the heartbeat answered recently. */
  public boolean isConnected() {
    return connected && System.nanoTime() - answeredNanos < stallNanos;
  }

  /** Redis commands that failed since start. */
  public long failures() {
    return failures.sum();
  }

  /** When the connection was lost (epoch ms), or -1 while connected. */
  public long disconnectedSinceMillis() {
    return disconnectedSinceMillis;
  }
}
