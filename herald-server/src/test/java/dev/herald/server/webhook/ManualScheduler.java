package dev.herald.server.webhook;

import dev.herald.server.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} run by the test: delivery tasks wait until {@link #runDue()}, timers until
 * {@link #advance} moves the clock past them. Single-threaded: the test thread runs everything.
 */
final class ManualScheduler implements Scheduler {
  private record Timer(Instant due, long sequence, Runnable task) {}

  private final MutableClock clock;
  private final PriorityQueue<Timer> timers =
      new PriorityQueue<>(Comparator.comparing(Timer::due).thenComparing(Timer::sequence));
  private final Deque<Runnable> ready = new ArrayDeque<>();
  private long sequence;
  private boolean shutDown;

  ManualScheduler(MutableClock clock) {
    this.clock = clock;
  }

  @Override
  public void schedule(Runnable task, Duration delay) {
    if (!shutDown) {
      timers.add(new Timer(clock.instant().plus(delay), sequence++, task));
    }
  }

  @Override
  public void execute(Runnable task) {
    if (!shutDown) {
      ready.add(task);
    }
  }

  /** Runs the queued delivery tasks (as if they finished in time), then drops the timers. */
  @Override
  public boolean shutdown(Duration timeout) {
    runReady();
    shutDown = true;
    timers.clear();
    return true;
  }

  /** Runs the delivery tasks and the timers that are due now, until none is left. */
  void runDue() {
    runReady();
    while (!timers.isEmpty() && !timers.peek().due().isAfter(clock.instant())) {
      timers.poll().task().run();
      runReady();
    }
  }

  /** Moves the clock forward by {@code duration}, running every task on its due time. */
  void advance(Duration duration) {
    Instant target = clock.instant().plus(duration);
    runDue();
    while (!timers.isEmpty() && !timers.peek().due().isAfter(target)) {
      clock.advance(Duration.between(clock.instant(), timers.peek().due()));
      runDue();
    }
    clock.advance(Duration.between(clock.instant(), target));
    runDue();
  }

  /** How many timers are waiting. */
  int pendingTimers() {
    return timers.size();
  }

  private void runReady() {
    Runnable task;
    while ((task = ready.poll()) != null) {
      task.run();
    }
  }
}
