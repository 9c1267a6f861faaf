package dev.herald;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Holds broadcasts made inside a database transaction until it commits, and drops them when it
 * rolls back (their futures are then cancelled); outside a transaction it sends at once. So a
 * client that receives "order shipped" and fetches the order finds it shipped.
 *
 * <pre>{@code
 * Broadcaster broadcaster = new AfterCommitBroadcaster(http, springTransactions);
 * }</pre>
 *
 * <p>Thread-safe as far as the {@link TransactionSynchronizer} is. Invalid broadcasts throw on the
 * calling thread at once, inside the transaction, so the app can still roll it back.
 */
public final class AfterCommitBroadcaster implements Broadcaster {
  private final Broadcaster delegate;
  private final TransactionSynchronizer transactions;
  private final int maxPayloadBytes;

  /**
   * @param delegate where broadcasts go once committed; owned and closed with this
   * @param transactions the app's transaction manager
   */
  public AfterCommitBroadcaster(Broadcaster delegate, TransactionSynchronizer transactions) {
    this(delegate, transactions, Broadcast.DEFAULT_MAX_PAYLOAD_BYTES);
  }

  /**
   * @param delegate where broadcasts go once committed; owned and closed with this
   * @param transactions the app's transaction manager
   * @param maxPayloadBytes checked at once, inside the transaction, for deferred broadcasts
   */
  public AfterCommitBroadcaster(
      Broadcaster delegate, TransactionSynchronizer transactions, int maxPayloadBytes) {
    this.delegate = delegate;
    this.transactions = transactions;
    this.maxPayloadBytes = maxPayloadBytes;
  }

  /**
   * Sends now, or after the current transaction commits.
   *
   * @return completes as the wrapped broadcaster's future, once sent; cancelled on rollback
   * @throws IllegalArgumentException when the data is over the limit
   */
  @Override
  public CompletableFuture<Void> broadcast(Broadcast broadcast) {
    broadcast.requireDataWithin(maxPayloadBytes);
    return deferred(() -> delegate.broadcast(broadcast));
  }

  /** As {@link #broadcast(Broadcast)}, for several events together. */
  @Override
  public CompletableFuture<Void> broadcastAll(List<Broadcast> broadcasts) {
    broadcasts.forEach(b -> b.requireDataWithin(maxPayloadBytes));
    return deferred(() -> delegate.broadcastAll(broadcasts));
  }

  /** Asks the wrapped broadcaster. */
  @Override
  public CompletableFuture<Void> ping() {
    return delegate.ping();
  }

  /** Closes the wrapped broadcaster; broadcasts still waiting for a commit will then fail. */
  @Override
  public void close() {
    delegate.close();
  }

  private CompletableFuture<Void> deferred(Supplier<CompletableFuture<Void>> send) {
    if (!transactions.isTransactionActive()) {
      return send.get();
    }
    CompletableFuture<Void> result = new CompletableFuture<>();
    transactions.afterCompletion(
        committed -> {
          if (!committed) {
            result.cancel(false);
            return;
          }
          try {
            send.get()
                .whenComplete(
                    (ok, failure) -> {
                      if (failure == null) {
                        result.complete(null);
                      } else {
                        result.completeExceptionally(
                            failure instanceof CompletionException ? failure.getCause() : failure);
                      }
                    });
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        });
    return result;
  }
}
