package dev.herald;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each broadcast to an SLF4J logger at INFO instead of sending it, for development: {@code
 * broadcast order.shipped on [private-orders.42] except 1234.5678: {"id":42}}. The data is logged
 * as given, unencrypted: do not use it where payloads are confidential. Thread-safe; never blocks
 * beyond what the logging backend does.
 */
public final class LogBroadcaster implements Broadcaster {
  private final Logger log;
  private final int maxPayloadBytes;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** Logs to {@code dev.herald.LogBroadcaster} with the 10 KB payload limit. */
  public LogBroadcaster() {
    this(LoggerFactory.getLogger(LogBroadcaster.class), Broadcast.DEFAULT_MAX_PAYLOAD_BYTES);
  }

  /**
   * @param log where broadcasts are written
   * @param maxPayloadBytes the payload limit, in UTF-8 bytes of {@code data}
   */
  public LogBroadcaster(Logger log, int maxPayloadBytes) {
    this.log = log;
    this.maxPayloadBytes = maxPayloadBytes;
  }

  /**
   * Logs the broadcast.
   *
   * @return an already completed future
   * @throws IllegalArgumentException when the data is over the limit (logged nowhere)
   * @throws IllegalStateException after {@link #close()}
   */
  @Override
  public CompletableFuture<Void> broadcast(Broadcast broadcast) {
    if (closed.get()) {
      throw new IllegalStateException("the broadcaster is closed");
    }
    broadcast.requireDataWithin(maxPayloadBytes);
    if (broadcast.socketId() == null) {
      log.info("broadcast {} on {}: {}", broadcast.name(), broadcast.channels(), broadcast.data());
    } else {
      log.info(
          "broadcast {} on {} except {}: {}",
          broadcast.name(),
          broadcast.channels(),
          broadcast.socketId(),
          broadcast.data());
    }
    return CompletableFuture.completedFuture(null);
  }

  /** Marks the broadcaster closed. */
  @Override
  public void close() {
    closed.set(true);
  }
}
