package dev.herald.server.netty;

import dev.herald.server.channel.Loop;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.SingleThreadEventExecutor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One event loop as the channel registry sees it, plus that loop's flush coalescing and its
 * connections (for the liveness sweep). Everything but {@link #execute} and {@link #inLoop} is only
 * touched on the loop's thread.
 *
 * <p>Flushes are adaptive (performance.md, technique 2). A broadcast that finds the loop idle (no
 * coalesced flush pending, no task queued, and no delivery work for {@link #BUSY_GAP_NANOS}) writes
 * and flushes each subscriber in turn: the first subscribers get their bytes at once and each
 * connection is touched once while it is in the cache. Otherwise a write marks its connection dirty
 * and queues one flush task at the end of the loop's task queue; broadcasts queued up (or read in
 * the same pass over the sockets) all run before that flush, and one syscall per subscriber carries
 * them all. Other writes (pings, replies) are always coalesced.
 */
final class NettyLoop implements Loop {
  final EventLoop eventLoop;
  final Set<NettyConnection> connections = new HashSet<>();
  private List<NettyConnection> dirty = new ArrayList<>();
  private List<NettyConnection> flushing = new ArrayList<>();

  /**
   * A broadcast that starts less than this after the loop's last delivery work ended finds the loop
   * busy (it was waiting while that work ran), so it coalesces.
   */
  static final long BUSY_GAP_NANOS = 1_000_000;

  /** Connections flushed per task of a flush pass (see {@link #flushDirty}). */
  static final int FLUSH_CHUNK = 256;

  private final SingleThreadEventExecutor queue;
  private final int flushChunk;
  private int flushed;
  private boolean flushScheduled;
  private boolean flushingAtOnce;
  private long deliveryEndedAt = System.nanoTime() - BUSY_GAP_NANOS;
  private final Runnable flushTask = this::flushDirty;

  NettyLoop(EventLoop eventLoop) {
    this(eventLoop, FLUSH_CHUNK);
  }

  NettyLoop(EventLoop eventLoop, int flushChunk) {
    this.eventLoop = eventLoop;
    this.flushChunk = flushChunk;
    this.queue = eventLoop instanceof SingleThreadEventExecutor s ? s : null;
  }

  @Override
  public void execute(Runnable task) {
    eventLoop.execute(task);
  }

  @Override
  public boolean inLoop() {
    return eventLoop.inEventLoop();
  }

  @Override
  public void broadcastStarted() {
    flushingAtOnce =
        !flushScheduled
            && (queue == null || queue.pendingTasks() == 0)
            && System.nanoTime() - deliveryEndedAt > BUSY_GAP_NANOS;
  }

  @Override
  public void broadcastEnded() {
    flushingAtOnce = false;
    deliveryEndedAt = System.nanoTime();
  }

  /** Whether a broadcast's write should be flushed at once (see the class comment). */
  boolean flushingAtOnce() {
    return flushingAtOnce;
  }

  /** Queues {@code connection} for the next coalesced flush. */
  void markDirty(NettyConnection connection) {
    dirty.add(connection);
    if (!flushScheduled) {
      flushScheduled = true;
      eventLoop.execute(flushTask);
    }
  }

  /**
   * One chunk of a flush pass. A pass flushes the connections dirty when it began, {@link
   * #flushChunk} at a time; between chunks the loop reads its sockets, so a broadcast arriving
   * mid-pass is written at once and rides the same pass to every connection not yet flushed (two
   * messages, one syscall) instead of waiting for the whole pass.
   */
  private void flushDirty() {
    if (flushed == flushing.size()) {
      flushing.clear();
      flushed = 0;
      List<NettyConnection> next = dirty;
      dirty = flushing;
      flushing = next;
    }
    int end = Math.min(flushed + flushChunk, flushing.size());
    while (flushed < end) {
      flushing.get(flushed++).flushNow();
    }
    if (flushed < flushing.size() || !dirty.isEmpty()) {
      // Scheduled, not queued: runs after the loop's next look at its sockets.
      eventLoop.schedule(flushTask, 0, TimeUnit.NANOSECONDS);
    } else {
      flushing.clear();
      flushed = 0;
      flushScheduled = false;
      deliveryEndedAt = System.nanoTime();
    }
  }
}
