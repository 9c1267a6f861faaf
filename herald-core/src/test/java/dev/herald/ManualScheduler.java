package dev.herald;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler whose clock moves only when a test says so: tasks run on the test's thread inside
 * {@link #advance} or {@link #runDue}, in due order. Nothing waits for real time.
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
  private final List<Task> tasks = new ArrayList<>();
  private long nowMillis;
  private long sequence;
  private boolean shutdown;

  /** Moves time forward and runs every task that falls due, including ones scheduled meanwhile. */
  void advance(Duration duration) {
    long until = nowMillis + duration.toMillis();
    Task next;
    while ((next = nextDue(until)) != null) {
      nowMillis = Math.max(nowMillis, next.dueMillis);
      next.run();
    }
    nowMillis = until;
  }

  /** Runs the tasks due now. */
  void runDue() {
    advance(Duration.ZERO);
  }

  /** The delays, from now, of the tasks still waiting, soonest first. */
  synchronized List<Duration> waiting() {
    return tasks.stream()
        .filter(t -> !t.isCancelled())
        .sorted()
        .map(t -> Duration.ofMillis(t.dueMillis - nowMillis))
        .toList();
  }

  private synchronized Task nextDue(long until) {
    tasks.removeIf(Task::isCancelled);
    Task first = tasks.stream().min(Comparator.naturalOrder()).orElse(null);
    if (first == null || first.dueMillis > until) {
      return null;
    }
    tasks.remove(first);
    return first;
  }

  @Override
  public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    if (shutdown) {
      throw new java.util.concurrent.RejectedExecutionException("shut down");
    }
    Task task = new Task(command, nowMillis + unit.toMillis(delay), sequence++);
    tasks.add(task);
    return task;
  }

  @Override
  public void execute(Runnable command) {
    schedule(command, 0, TimeUnit.MILLISECONDS);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public synchronized void shutdown() {
    shutdown = true;
  }

  @Override
  public synchronized List<Runnable> shutdownNow() {
    shutdown = true;
    List<Runnable> left = new ArrayList<>(tasks);
    tasks.clear();
    return left;
  }

  @Override
  public synchronized boolean isShutdown() {
    return shutdown;
  }

  @Override
  public synchronized boolean isTerminated() {
    return shutdown && tasks.isEmpty();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return isTerminated();
  }

  private final class Task implements ScheduledFuture<Object>, Runnable {
    private final Runnable command;
    private final long dueMillis;
    private final long order;
    private volatile int state; // 0 waiting, 1 running or done, 2 cancelled

    Task(Runnable command, long dueMillis, long order) {
      this.command = command;
      this.dueMillis = dueMillis;
      this.order = order;
    }

    @Override
    public void run() {
      synchronized (this) {
        if (state != 0) {
          return;
        }
        state = 1;
      }
      command.run();
    }

    @Override
    public synchronized boolean cancel(boolean mayInterrupt) {
      if (state != 0) {
        return false;
      }
      state = 2;
      return true;
    }

    @Override
    public boolean isCancelled() {
      return state == 2;
    }

    @Override
    public boolean isDone() {
      return state != 0;
    }

    @Override
    public Object get() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(dueMillis - nowMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      Task that = (Task) other;
      int byTime = Long.compare(dueMillis, that.dueMillis);
      return byTime != 0 ? byTime : Long.compare(order, that.order);
    }
  }
}
