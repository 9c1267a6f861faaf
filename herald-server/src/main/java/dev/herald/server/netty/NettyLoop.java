package dev.herald.server.netty;

import dev.herald.server.channel.Loop;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One event loop as the channel registry sees it, plus that loop's flush coalescing and its
 * connections (for the liveness sweep). Everything but {@link #execute} and {@link #inLoop} is only
 * touched on the loop's thread.
 *
 * <p>Flushes are adaptive (performance.md, technique 2): a write marks its connection dirty and
 * queues one flush task at the end of the loop's task queue. When the loop is idle that task runs
 * right after the current one, so the first subscribers get their bytes at once; when broadcasts
 * are queued up, they all run before the flush, and one syscall per subscriber carries them all.
 */
final class NettyLoop implements Loop {
  final EventLoop eventLoop;
  final Set<NettyConnection> connections = new HashSet<>();
  private List<NettyConnection> dirty = new ArrayList<>();
  private List<NettyConnection> flushing = new ArrayList<>();
  private boolean flushScheduled;
  private final Runnable flushTask = this::flushDirty;

  NettyLoop(EventLoop eventLoop) {
    this.eventLoop = eventLoop;
  }

  @Override
  public void execute(Runnable task) {
    eventLoop.execute(task);
  }

  @Override
  public boolean inLoop() {
    return eventLoop.inEventLoop();
  }

  /** Queues {@code connection} for the next coalesced flush. */
  void markDirty(NettyConnection connection) {
    dirty.add(connection);
    if (!flushScheduled) {
      flushScheduled = true;
      eventLoop.execute(flushTask);
    }
  }

  private void flushDirty() {
    flushScheduled = false;
    List<NettyConnection> batch = dirty;
    dirty = flushing;
    flushing = batch;
    for (NettyConnection connection : batch) {
      connection.flushNow();
    }
    batch.clear();
  }
}
