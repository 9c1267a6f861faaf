package dev.herald.server.testing;

import dev.herald.server.protocol.Scheduler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A scheduler driven by a {@link MutableClock}: tasks run when the test calls {@link #runDue()}.
 */
public final class ManualScheduler implements Scheduler {
  private final MutableClock clock;
  private final List<Task> tasks = new ArrayList<>();

  public ManualScheduler(MutableClock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void schedule(Runnable task, long delayMillis) {
    tasks.add(new Task(clock.millis() + delayMillis, task));
  }

  /** Runs every task whose time has come, in time order. */
  public void runDue() {
    while (true) {
      Task next;
      synchronized (this) {
        next =
            tasks.stream()
                .filter(t -> t.atMillis <= clock.millis())
                .min(Comparator.comparingLong(t -> t.atMillis))
                .orElse(null);
        if (next == null) {
          return;
        }
        tasks.remove(next);
      }
      next.task.run();
    }
  }

  public synchronized int pending() {
    return tasks.size();
  }

  private record Task(long atMillis, Runnable task) {}
}
