package dev.herald;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Queued delivery on a scheduler the test drives: retries, backoff, delay, capacity, draining. */
class QueuedBroadcasterTest {
  private static final Channel ORDERS = Channel.publicChannel("orders");
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final BroadcastException DOWN =
      new BroadcastException("POST /apps/1/events failed: connection refused", true, null);
  private static final BroadcastException TOO_LARGE =
      new BroadcastException("POST /apps/1/events failed: HTTP 413", 413, false, null);

  private final ManualScheduler scheduler = new ManualScheduler();
  private final FakeBroadcaster fake = new FakeBroadcaster();
  private final List<FailedBroadcast> failed = new CopyOnWriteArrayList<>();

  private QueuedBroadcasterBuilder queue() {
    return QueuedBroadcaster.builder(fake)
        .scheduler(scheduler)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .onFailure(failed::add);
  }

  @Test
  void returnsAtOnceAndSendsOnTheScheduler() {
    QueuedBroadcaster queued = queue().build();
    CompletableFuture<Void> sent = send(queued, "one");
    assertThat(sent).isNotDone();
    fake.assertNothingBroadcast();
    scheduler.runDue();
    assertThat(sent).isCompleted();
    fake.assertBroadcast("one");
    assertThat(queued.pending()).isZero();
  }

  @Test
  void retriesRetryableFailuresWithExponentialBackoffUpToTheLongestWait() {
    QueuedBroadcaster queued =
        queue()
            .retry(new RetryPolicy(4, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(3)))
            .build();
    fake.failNext(DOWN).failNext(DOWN).failNext(DOWN);
    CompletableFuture<Void> sent = send(queued, "one");

    scheduler.runDue();
    assertThat(scheduler.waiting()).containsExactly(Duration.ofSeconds(1));
    scheduler.advance(Duration.ofMillis(999));
    assertThat(scheduler.waiting()).containsExactly(Duration.ofMillis(1));
    scheduler.advance(Duration.ofMillis(1));
    assertThat(scheduler.waiting()).containsExactly(Duration.ofSeconds(2));
    scheduler.advance(Duration.ofSeconds(2));
    assertThat(scheduler.waiting()).containsExactly(Duration.ofSeconds(3)); // 4 s, capped
    assertThat(sent).isNotDone();
    scheduler.advance(Duration.ofSeconds(3));

    assertThat(sent).isCompleted();
    fake.assertBroadcastTimes("one", 1);
    assertThat(failed).isEmpty();
  }

  @Test
  void givesUpAfterTheLastAttemptAndHandsTheBroadcastToTheFailureHandler() {
    QueuedBroadcaster queued =
        queue()
            .retry(new RetryPolicy(3, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30)))
            .build();
    for (int i = 0; i < 3; i++) {
      fake.failNext(DOWN);
    }
    CompletableFuture<Void> sent = send(queued, "one");
    scheduler.advance(Duration.ofSeconds(10));

    assertThat(sent).isCompletedExceptionally();
    assertThatThrownBy(sent::join).hasCause(DOWN);
    assertThat(failed).hasSize(1);
    FailedBroadcast failure = failed.get(0);
    assertThat(failure.broadcast().name()).isEqualTo("one");
    assertThat(failure.attempts()).isEqualTo(3);
    assertThat(failure.failure()).isSameAs(DOWN);
    assertThat(failure.failedAt()).isEqualTo(NOW);
    assertThat(scheduler.waiting()).isEmpty();
  }

  @Test
  void doesNotRetryAFailureThatWillNotChange() {
    QueuedBroadcaster queued = queue().build();
    fake.failNext(TOO_LARGE);
    CompletableFuture<Void> sent = send(queued, "one");
    scheduler.runDue();
    assertThat(sent).isCompletedExceptionally();
    assertThat(failed).singleElement().extracting(FailedBroadcast::attempts).isEqualTo(1);
    assertThat(scheduler.waiting()).isEmpty();
  }

  @Test
  void waitsTheConfiguredDelayOrTheOneGivenBeforeTheFirstAttempt() {
    QueuedBroadcaster queued = queue().delay(Duration.ofSeconds(5)).build();
    send(queued, "default-delay");
    queued.broadcast(Broadcast.of(List.of(ORDERS), "own-delay", "{}"), Duration.ofSeconds(1));
    assertThat(scheduler.waiting()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(5));
    scheduler.advance(Duration.ofSeconds(1));
    assertThat(fake.broadcasts()).extracting(Broadcast::name).containsExactly("own-delay");
    scheduler.advance(Duration.ofSeconds(4));
    assertThat(fake.broadcasts())
        .extracting(Broadcast::name)
        .containsExactly("own-delay", "default-delay");
  }

  @Test
  void refusesBroadcastsBeyondItsCapacityAtOnce() {
    QueuedBroadcaster queued = queue().capacity(2).build();
    send(queued, "one");
    send(queued, "two");
    CompletableFuture<Void> third = send(queued, "three");
    assertThat(third).isCompletedExceptionally();
    assertThatThrownBy(third::join)
        .hasCauseInstanceOf(BroadcastException.class)
        .hasMessageContaining("'three' was not queued: 2 already wait");
    assertThat(failed).singleElement().extracting(f -> f.attempts()).isEqualTo(0);
    scheduler.runDue();
    assertThat(fake.broadcasts()).extracting(Broadcast::name).containsExactly("one", "two");
  }

  @Test
  void refusesAnOversizedPayloadOnTheCallersThread() {
    QueuedBroadcaster queued = queue().maxPayloadBytes(5).build();
    assertThatThrownBy(() -> queued.on(ORDERS).as("big").withJson("\"123456\"").send())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'big'");
    assertThat(scheduler.waiting()).isEmpty();
  }

  @Test
  void closeGivesWaitingBroadcastsALastAttemptAtOnceThenClosesWhatItWraps() {
    QueuedBroadcaster queued = queue().build();
    fake.failNext(DOWN);
    CompletableFuture<Void> retrying = send(queued, "retrying");
    scheduler.runDue(); // fails once, waits 1 s to retry
    CompletableFuture<Void> delayed =
        queued.broadcast(Broadcast.of(List.of(ORDERS), "delayed", "{}"), Duration.ofHours(1));

    queued.close();

    assertThat(retrying).isCompleted();
    assertThat(delayed).isCompleted();
    assertThat(fake.broadcasts())
        .extracting(Broadcast::name)
        .containsExactly("retrying", "delayed");
    assertThatThrownBy(() -> fake.on(ORDERS).send()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> send(queued, "late")).isInstanceOf(IllegalStateException.class);
    assertThat(scheduler.isShutdown()).isFalse(); // not the queue's to shut down
  }

  @Test
  void closeHandsWhatCouldNotBeSentInTimeToTheFailureHandler() {
    Broadcaster stuck =
        new Broadcaster() {
          @Override
          public CompletableFuture<Void> broadcast(Broadcast broadcast) {
            return new CompletableFuture<>(); // never answers
          }

          @Override
          public void close() {}
        };
    QueuedBroadcaster queued =
        QueuedBroadcaster.builder(stuck)
            .scheduler(scheduler)
            .onFailure(failed::add)
            .drainTimeout(Duration.ofMillis(50))
            .build();
    CompletableFuture<Void> sent = send(queued, "one");
    scheduler.runDue();

    queued.close();

    assertThat(sent).isCompletedExceptionally();
    assertThat(failed)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.attempts()).isEqualTo(1);
              assertThat(f.failure()).hasMessageContaining("not sent before the queue closed");
            });
  }

  @Test
  void keepsWorkingWhenTheFailureHandlerThrows() {
    QueuedBroadcaster queued =
        queue()
            .retry(RetryPolicy.NONE)
            .onFailure(
                f -> {
                  throw new IllegalStateException("db down");
                })
            .build();
    fake.failNext(DOWN);
    CompletableFuture<Void> first = send(queued, "one");
    CompletableFuture<Void> second = send(queued, "two");
    scheduler.runDue();
    assertThat(first).isCompletedExceptionally();
    assertThat(second).isCompleted();
  }

  private static CompletableFuture<Void> send(Broadcaster broadcaster, String name) {
    return broadcaster.on(ORDERS).as(name).withJson("{}").send();
  }
}
