package dev.herald;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends broadcasts in the background through another broadcaster, with retries: the "queued" mode.
 *
 * <pre>{@code
 * Broadcaster broadcaster = QueuedBroadcaster.builder(HttpBroadcaster.builder()...build())
 *     .retry(new RetryPolicy(5, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30)))
 *     .onFailure(failed -> failedBroadcasts.save(failed))
 *     .build();
 * }</pre>
 *
 * <p>{@link #broadcast} returns at once; every attempt runs on the scheduler. A failure the {@link
 * BroadcastException} marks retryable is tried again after the policy's backoff (a scheduled task,
 * never a sleeping thread); any other failure, or the last attempt's, completes the future
 * exceptionally and goes to the failure handler. At most {@code capacity} broadcasts wait at once:
 * beyond that a broadcast fails at once (and goes to the failure handler) instead of growing
 * memory.
 *
 * <p>{@link #close()} refuses new broadcasts, gives each waiting one a last attempt at once, waits
 * up to the drain timeout, hands what is still unsent to the failure handler, then closes the
 * wrapped broadcaster. Thread-safe.
 */
public final class QueuedBroadcaster implements Broadcaster {
  private static final Logger log = LoggerFactory.getLogger(QueuedBroadcaster.class);

  private final Broadcaster delegate;
  private final ScheduledExecutorService scheduler;
  private final boolean ownsScheduler;
  private final RetryPolicy retry;
  private final Consumer<FailedBroadcast> onFailure;
  private final int capacity;
  private final int maxPayloadBytes;
  private final Duration delay;
  private final Duration drainTimeout;
  private final Clock clock;

  /** Queued and unfinished broadcasts, oldest first, so close drains them in order. */
  private final ConcurrentSkipListMap<Long, Entry> pending = new ConcurrentSkipListMap<>();

  private final AtomicLong sequence = new AtomicLong();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();

  QueuedBroadcaster(QueuedBroadcasterBuilder b) {
    this.delegate = b.delegate;
    this.ownsScheduler = b.scheduler == null;
    this.scheduler = ownsScheduler ? defaultScheduler() : b.scheduler;
    this.retry = b.retry;
    this.onFailure = b.onFailure;
    this.capacity = b.capacity;
    this.maxPayloadBytes = b.maxPayloadBytes;
    this.delay = b.delay;
    this.drainTimeout = b.drainTimeout;
    this.clock = b.clock;
  }

  /** Starts configuring a queue in front of {@code delegate}, which it will own and close. */
  public static QueuedBroadcasterBuilder builder(Broadcaster delegate) {
    return new QueuedBroadcasterBuilder(delegate);
  }

  /**
   * Queues the broadcast after the configured delay (none by default).
   *
   * @return completes when the broadcast was sent, or exceptionally with the last failure when it
   *     was given up
   * @throws IllegalArgumentException when the data is over the payload limit
   * @throws IllegalStateException after {@link #close()}
   */
  @Override
  public CompletableFuture<Void> broadcast(Broadcast broadcast) {
    return broadcast(broadcast, delay);
  }

  /**
   * Queues the broadcast to be sent no sooner than {@code after} from now.
   *
   * @throws IllegalArgumentException when the data is over the payload limit
   * @throws IllegalStateException after {@link #close()}
   */
  public CompletableFuture<Void> broadcast(Broadcast broadcast, Duration after) {
    if (closed.get()) {
      throw new IllegalStateException("the broadcaster is closed");
    }
    broadcast.requireDataWithin(maxPayloadBytes);
    Entry entry = new Entry(sequence.incrementAndGet(), broadcast);
    if (queued.incrementAndGet() > capacity) {
      queued.decrementAndGet();
      give(
          entry,
          new BroadcastException(
              "event '" + broadcast.name() + "' was not queued: " + capacity + " already wait",
              true,
              null));
      return entry.result;
    }
    pending.put(entry.sequence, entry);
    schedule(entry, after);
    return entry.result;
  }

  /** How many broadcasts are waiting or being sent. */
  public int pending() {
    return pending.size();
  }

  /** Asks the wrapped broadcaster. */
  @Override
  public CompletableFuture<Void> ping() {
    return delegate.ping();
  }

  /**
   * Drains and closes: see the class description. Blocks up to the drain timeout. Idempotent. The
   * scheduler is shut down only when the queue made it.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    List<CompletableFuture<Void>> waiting = new ArrayList<>();
    for (Entry entry : pending.values()) {
      waiting.add(entry.result);
      ScheduledFuture<?> next = entry.next;
      if (next != null && next.cancel(false)) {
        attempt(entry); // the last attempt, now rather than after its backoff or delay
      }
    }
    try {
      CompletableFuture.allOf(waiting.toArray(new CompletableFuture<?>[0]))
          .get(drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // Failures were already handed over; the unfinished ones are handled below.
    }
    for (Entry entry : pending.values()) {
      give(
          entry,
          new BroadcastException(
              "event '" + entry.broadcast.name() + "' was not sent before the queue closed",
              true,
              null));
    }
    if (ownsScheduler) {
      scheduler.shutdownNow();
    }
    delegate.close();
  }

  private void schedule(Entry entry, Duration after) {
    try {
      entry.next =
          scheduler.schedule(() -> attempt(entry), after.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      give(entry, new BroadcastException("the queue's scheduler refused the broadcast", false, e));
    }
  }

  private void attempt(Entry entry) {
    int attempt;
    synchronized (entry) {
      attempt = ++entry.attempts;
    }
    CompletableFuture<Void> sent;
    try {
      sent = delegate.broadcast(entry.broadcast);
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    sent.whenComplete(
        (ok, failure) -> {
          if (failure == null) {
            forget(entry);
            entry.result.complete(null);
            return;
          }
          Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
          boolean retryable = cause instanceof BroadcastException b && b.retryable();
          if (retryable && attempt < retry.maxAttempts() && !closed.get()) {
            log.debug(
                "broadcast {} failed (attempt {}), retrying", entry.broadcast.name(), attempt);
            schedule(entry, retry.backoff(attempt));
          } else {
            give(entry, cause);
          }
        });
  }

  /** Gives up on an entry: fails its future and tells the failure handler, once. */
  private void give(Entry entry, Throwable failure) {
    forget(entry);
    if (!entry.result.completeExceptionally(failure)) {
      return;
    }
    int attempts;
    synchronized (entry) {
      attempts = entry.attempts;
    }
    try {
      onFailure.accept(new FailedBroadcast(entry.broadcast, attempts, failure, clock.instant()));
    } catch (RuntimeException e) {
      log.error("the failure handler failed for broadcast {}", entry.broadcast.name(), e);
    }
  }

  private void forget(Entry entry) {
    if (pending.remove(entry.sequence) != null) {
      queued.decrementAndGet();
    }
  }

  private static ScheduledExecutorService defaultScheduler() {
    return Executors.newSingleThreadScheduledExecutor(
        runnable -> {
          Thread thread = new Thread(runnable, "herald-queue");
          thread.setDaemon(true);
          return thread;
        });
  }

  /** One queued broadcast. */
  private static final class Entry {
    final long sequence;
    final Broadcast broadcast;
    final CompletableFuture<Void> result = new CompletableFuture<>();
    volatile ScheduledFuture<?> next;
    int attempts; // guarded by this

    Entry(long sequence, Broadcast broadcast) {
      this.sequence = sequence;
      this.broadcast = broadcast;
    }
  }

  static void logFailure(FailedBroadcast failed) {
    log.warn(
        "gave up broadcasting {} after {} attempt(s): {}",
        failed.broadcast().describe(),
        failed.attempts(),
        failed.failure().toString());
  }
}
