package dev.herald.spring;

import dev.herald.AfterCommitBroadcaster;
import dev.herald.BroadcastEvent;
import dev.herald.Broadcaster;
import dev.herald.TransactionSynchronizer;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/**
 * Broadcasts every {@link BroadcastEvent} (and {@link BroadcastToOthers}) the app publishes with
 * {@code ApplicationEventPublisher}: after the surrounding transaction commits, never when it rolls
 * back, and at once outside a transaction. An invalid event (bad channel, payload over the limit)
 * throws on the publishing thread, inside the transaction, so the app can still roll back. A send
 * that fails later is logged at WARN (the {@code failure-policy} and queue decide what else).
 */
final class BroadcastEventListener {
  private static final Logger log = LoggerFactory.getLogger(BroadcastEventListener.class);

  private final Broadcaster afterCommit;

  BroadcastEventListener(
      Broadcaster broadcaster, TransactionSynchronizer transactions, int maxPayloadBytes) {
    // Not closed here: the Broadcaster bean closes itself with the context.
    this.afterCommit = new AfterCommitBroadcaster(broadcaster, transactions, maxPayloadBytes);
  }

  @EventListener
  public void on(BroadcastEvent event) {
    watch(afterCommit.broadcast(event), event);
  }

  @EventListener
  public void on(BroadcastToOthers toOthers) {
    BroadcastEvent event = toOthers.event();
    watch(
        toOthers.socketId() == null
            ? afterCommit.broadcast(event)
            : afterCommit.broadcastToOthers(event, toOthers.socketId()),
        event);
  }

  private static void watch(CompletableFuture<Void> sent, BroadcastEvent event) {
    sent.whenComplete(
        (ok, failure) -> {
          Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
          if (cause instanceof CancellationException) {
            log.debug("{} not broadcast: its transaction rolled back", event.broadcastAs());
          } else if (cause != null) {
            log.warn("broadcasting {} failed: {}", event.broadcastAs(), cause.getMessage());
          }
        });
  }
}
