package dev.herald;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/** Settings of a {@link QueuedBroadcaster}; not thread-safe. */
public final class QueuedBroadcasterBuilder {
  final Broadcaster delegate;
  ScheduledExecutorService scheduler;
  RetryPolicy retry = RetryPolicy.DEFAULT;
  Consumer<FailedBroadcast> onFailure = QueuedBroadcaster::logFailure;
  int capacity = 10_000;
  int maxPayloadBytes = Broadcast.DEFAULT_MAX_PAYLOAD_BYTES;
  Duration delay = Duration.ZERO;
  Duration drainTimeout = Duration.ofSeconds(10);
  Clock clock = Clock.systemUTC();

  QueuedBroadcasterBuilder(Broadcaster delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** How failures are retried ({@link RetryPolicy#DEFAULT}: 5 attempts, 1 s doubling). */
  public QueuedBroadcasterBuilder retry(RetryPolicy policy) {
    this.retry = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /**
   * Called once for each broadcast given up (after the last retry, when the queue is full, or
   * unsent at close), on the thread that gave up; it must not block for long. Default: a WARN log
   * line.
   */
  public QueuedBroadcasterBuilder onFailure(Consumer<FailedBroadcast> handler) {
    this.onFailure = Objects.requireNonNull(handler, "handler");
    return this;
  }

  /** The most broadcasts waiting at once (10 000). */
  public QueuedBroadcasterBuilder capacity(int broadcasts) {
    if (broadcasts < 1) {
      throw new IllegalArgumentException("capacity must be positive, was " + broadcasts);
    }
    this.capacity = broadcasts;
    return this;
  }

  /** The payload limit checked when a broadcast is queued (10 KB), to fail in the caller. */
  public QueuedBroadcasterBuilder maxPayloadBytes(int bytes) {
    this.maxPayloadBytes = bytes;
    return this;
  }

  /** How long every broadcast waits before its first attempt (none). */
  public QueuedBroadcasterBuilder delay(Duration after) {
    this.delay = Objects.requireNonNull(after, "delay");
    return this;
  }

  /** How long {@link QueuedBroadcaster#close()} waits for the last attempts (10 s). */
  public QueuedBroadcasterBuilder drainTimeout(Duration timeout) {
    this.drainTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /**
   * Where attempts and waits run. Default: one daemon thread of the queue's own, shut down at
   * close; a scheduler given here is not shut down.
   */
  public QueuedBroadcasterBuilder scheduler(ScheduledExecutorService executor) {
    this.scheduler = Objects.requireNonNull(executor, "scheduler");
    return this;
  }

  /** The clock for {@link FailedBroadcast#failedAt()}. */
  public QueuedBroadcasterBuilder clock(Clock source) {
    this.clock = Objects.requireNonNull(source, "clock");
    return this;
  }

  /** A new queue, running at once. */
  public QueuedBroadcaster build() {
    return new QueuedBroadcaster(this);
  }
}
