package dev.herald;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends nothing, for apps or environments where broadcasting is switched off. It still checks each
 * broadcast like every driver (payload limit, closed state), so switching drivers never turns an
 * accepted event into a refused one. Thread-safe; never blocks.
 */
public final class NullBroadcaster implements Broadcaster {
  private final int maxPayloadBytes;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** With Pusher's 10 KB payload limit. */
  public NullBroadcaster() {
    this(Broadcast.DEFAULT_MAX_PAYLOAD_BYTES);
  }

  /** With another payload limit, in UTF-8 bytes of {@code data}. */
  public NullBroadcaster(int maxPayloadBytes) {
    this.maxPayloadBytes = maxPayloadBytes;
  }

  /**
   * Discards the broadcast.
   *
   * @return an already completed future
   * @throws IllegalArgumentException when the data is over the limit
   * @throws IllegalStateException after {@link #close()}
   */
  @Override
  public CompletableFuture<Void> broadcast(Broadcast broadcast) {
    if (closed.get()) {
      throw new IllegalStateException("the broadcaster is closed");
    }
    broadcast.requireDataWithin(maxPayloadBytes);
    return CompletableFuture.completedFuture(null);
  }

  /** Marks the broadcaster closed. */
  @Override
  public void close() {
    closed.set(true);
  }
}
