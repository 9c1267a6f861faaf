package dev.herald.spring;

import dev.herald.Broadcast;
import dev.herald.Broadcaster;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Counts and times every broadcast in Micrometer: the timer {@code herald.broadcasts} with the tag
 * {@code outcome} = {@code sent} or {@code failed} (count, total and max latency from the call to
 * the server's answer; with Prometheus, {@code herald_broadcasts_seconds_count{outcome="sent"}}). A
 * broadcast refused at once as invalid is not counted. Thread-safe.
 */
final class MeteredBroadcaster implements Broadcaster {
  static final String METER = "herald.broadcasts";

  private final Broadcaster delegate;
  private final Timer sent;
  private final Timer failed;

  MeteredBroadcaster(Broadcaster delegate, MeterRegistry registry) {
    this.delegate = delegate;
    this.sent = timer(registry, "sent");
    this.failed = timer(registry, "failed");
  }

  private static Timer timer(MeterRegistry registry, String outcome) {
    return Timer.builder(METER)
        .description("Broadcasts, by outcome, timed until the server accepted or refused them")
        .tag("outcome", outcome)
        .register(registry);
  }

  @Override
  public CompletableFuture<Void> broadcast(Broadcast broadcast) {
    return timed(delegate.broadcast(broadcast), 1);
  }

  @Override
  public CompletableFuture<Void> broadcastAll(List<Broadcast> broadcasts) {
    return timed(delegate.broadcastAll(broadcasts), broadcasts.size());
  }

  @Override
  public CompletableFuture<Void> ping() {
    return delegate.ping();
  }

  @Override
  public void close() {
    delegate.close();
  }

  private CompletableFuture<Void> timed(CompletableFuture<Void> future, int events) {
    long start = System.nanoTime();
    return future.whenComplete(
        (ok, failure) -> {
          long nanos = System.nanoTime() - start;
          Timer timer = failure == null ? sent : failed;
          for (int i = 0; i < events; i++) {
            timer.record(nanos, TimeUnit.NANOSECONDS);
          }
        });
  }
}
