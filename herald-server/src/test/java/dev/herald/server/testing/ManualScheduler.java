package dev.herald.server.testing;

import dev.herald.server.timer.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The server's {@link Scheduler} on virtual time, and delivery threads by hand: timers wait until
 * {@link #runDue()} finds them due on the {@link MutableClock} (or {@link #advance} moves the clock
 * past them), and tasks handed to {@link #execute} wait for the next {@link #runDue()}, which runs
 * them before any timer, as an idle pool would. Everything runs on the test's thread.
 */
public final class ManualScheduler extends AbstractExecutorService implements Scheduler {
  private record Timer(Instant due, long sequence, Runnable task) {}

  private final MutableClock clock;
  private final PriorityQueue<Timer> timers =
      new PriorityQueue<>(Comparator.comparing(Timer::due).thenComparing(Timer::sequence));
  private final Deque<Runnable> ready = new ArrayDeque<>();
  private long sequence;
  private boolean shutDown;

  public ManualScheduler(MutableClock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void schedule(Runnable task, Duration delay) {
    timers.add(new Timer(clock.instant().plus(delay), sequence++, task));
  }

  /** Queues {@code task} for the next {@link #runDue()}; refused after {@link #shutdown}. */
  @Override
  public synchronized void execute(Runnable task) {
    if (shutDown) {
      throw new RejectedExecutionException("shut down");
    }
    ready.add(task);
  }

  /** Runs the queued tasks, then every timer that is due, in time order, until none is left. */
  public void runDue() {
    runReady();
    Runnable next;
    while ((next = nextDue(clock.instant())) != null) {
      next.run();
      runReady();
    }
  }

  /** Moves the clock forward by {@code duration}, running every task on its due time. */
  public void advance(Duration duration) {
    Instant target = clock.instant().plus(duration);
    runDue();
    Instant due;
    while ((due = nextDueTime()) != null && !due.isAfter(target)) {
      clock.advance(Duration.between(clock.instant(), due));
      runDue();
    }
    clock.advance(Duration.between(clock.instant(), target));
    runDue();
  }

  /** How many timers wait. */
  public synchronized int pending() {
    return timers.size();
  }

  @Override
  public synchronized void shutdown() {
    shutDown = true;
  }

  @Override
  public synchronized List<Runnable> shutdownNow() {
    shutDown = true;
    List<Runnable> left = new ArrayList<>(ready);
    ready.clear();
    return left;
  }

  @Override
  public synchronized boolean isShutdown() {
    return shutDown;
  }

  @Override
  public synchronized boolean isTerminated() {
    return shutDown && ready.isEmpty();
  }

  /** Runs the queued tasks at once, as if they finished in time. */
  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    runReady();
    return true;
  }

  private void runReady() {
    Runnable task;
    while ((task = nextReady()) != null) {
      task.run();
    }
  }

  private synchronized Runnable nextReady() {
    return ready.poll();
  }

  private synchronized Runnable nextDue(Instant now) {
    Timer next = timers.peek();
    if (next == null || next.due().isAfter(now)) {
      return null;
    }
    return timers.poll().task();
  }

  private synchronized Instant nextDueTime() {
    Timer next = timers.peek();
    return next == null ? null : next.due();
  }
}
