package dev.herald.server.channel;

import java.util.concurrent.Executor;

/**
 * The single thread a set of connections lives on (a Netty event loop in production). The channel
 * registry groups subscribers by loop, so a broadcast costs one task per loop, not one per
 * subscriber (performance.md, technique 3).
 */
public interface Loop extends Executor {
  /** Whether the calling thread is this loop's thread. */
  boolean inLoop();

  /**
   * Called on this loop before a broadcast's writes to its subscribers here, so the loop can choose
   * how to flush them (at once when idle, coalesced under load).
   */
  default void broadcastStarted() {}

  /** Called on this loop after the broadcast's writes. */
  default void broadcastEnded() {}
}
