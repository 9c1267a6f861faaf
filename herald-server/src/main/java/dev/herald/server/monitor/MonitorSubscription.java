package dev.herald.server.monitor;

import java.util.ArrayDeque;
import java.util.List;

/**
 * One viewer's place in a {@link MonitorFeed}: a bounded buffer of the app's events that drops the
 * oldest when full and counts what it dropped. Close it to stop watching. Thread-safe: the feed
 * offers from any thread, the viewer drains and closes from its own.
 */
public final class MonitorSubscription implements AutoCloseable {
  private final MonitorFeed feed;
  private final String appId;
  private final MonitorViewer viewer;
  private final int capacity;
  private final ArrayDeque<MonitorEvent> buffer = new ArrayDeque<>();
  private long dropped;
  private boolean signalled;
  private volatile boolean closed;

  MonitorSubscription(MonitorFeed feed, String appId, MonitorViewer viewer, int capacity) {
    this.feed = feed;
    this.appId = appId;
    this.viewer = viewer;
    this.capacity = capacity;
  }

  /** The app watched. */
  public String appId() {
    return appId;
  }

  /** Takes everything buffered and the count of what was dropped since the last drain. */
  public synchronized MonitorBatch drain() {
    MonitorBatch batch = new MonitorBatch(List.copyOf(buffer), dropped);
    buffer.clear();
    dropped = 0;
    signalled = false;
    return batch;
  }

  /** Whether {@link #close} was called. */
  public boolean isClosed() {
    return closed;
  }

  /** Stops watching: the feed forgets this viewer and its buffer is emptied. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    feed.remove(this);
    synchronized (this) {
      buffer.clear();
    }
  }

  /** Buffers {@code event}, dropping the oldest when full; wakes the viewer if it was idle. */
  void offer(MonitorEvent event) {
    boolean wake;
    synchronized (this) {
      if (closed) {
        return;
      }
      if (buffer.size() == capacity) {
        buffer.pollFirst();
        dropped++;
      }
      buffer.addLast(event);
      wake = !signalled;
      signalled = true;
    }
    if (wake) {
      viewer.eventsWaiting();
    }
  }
}
