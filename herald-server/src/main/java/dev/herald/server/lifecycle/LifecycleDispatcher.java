package dev.herald.server.lifecycle;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries lifecycle events off the event loops: {@link #on} only offers the event to a bounded
 * queue (never blocks; a full queue drops the event and counts it) and one dispatcher thread hands
 * each event to every listener in turn. With no listeners, {@link #on} does nothing.
 */
public final class LifecycleDispatcher implements LifecycleListener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LifecycleDispatcher.class);

  private final List<LifecycleListener> listeners;
  private final BlockingQueue<LifecycleEvent> queue;
  private final LongAdder dropped = new LongAdder();
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * @param listeners who hears the events, in this order
   * @param capacity how many events may wait before new ones are dropped
   */
  public LifecycleDispatcher(List<LifecycleListener> listeners, int capacity) {
    this.listeners = List.copyOf(listeners);
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.thread = new Thread(this::run, "herald-lifecycle");
    thread.setDaemon(true);
    if (!this.listeners.isEmpty()) {
      thread.start();
    }
  }

  /** Queues {@code event} for the listeners; never blocks. */
  @Override
  public void on(LifecycleEvent event) {
    if (listeners.isEmpty()) {
      return;
    }
    if (!queue.offer(event)) {
      dropped.increment();
      long total = dropped.sum();
      if (Long.bitCount(total) == 1) { // 1, 2, 4, 8, …: visible without flooding the log
        log.warn(
            "lifecycle queue full ({} events): dropped {} events so far, latest {} of app {}",
            queue.size(),
            total,
            event.getClass().getSimpleName(),
            event.appId());
      }
    }
  }

  /** Events dropped because the queue was full. */
  public long dropped() {
    return dropped.sum();
  }

  /** Delivers what is queued (waiting at most a second), then stops the thread. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    while (running || !queue.isEmpty()) {
      LifecycleEvent event;
      try {
        event = running ? queue.take() : queue.poll();
      } catch (InterruptedException e) {
        continue; // close() was called: deliver what is left, then stop
      }
      if (event == null) {
        return;
      }
      for (LifecycleListener listener : listeners) {
        try {
          listener.on(event);
        } catch (RuntimeException e) {
          log.warn("lifecycle listener {} failed on {}", listener, event, e);
        }
      }
    }
  }
}
