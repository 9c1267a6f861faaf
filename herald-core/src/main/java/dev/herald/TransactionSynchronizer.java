package dev.herald;

import java.util.function.Consumer;

/**
 * The app's transaction manager, as far as broadcasting needs it: whether a database transaction is
 * active on the calling thread, and a way to run code once it ends. {@link AfterCommitBroadcaster}
 * uses it so subscribers never hear of data that was rolled back, or that is not yet visible when
 * they fetch it.
 *
 * <p>With Spring, for example:
 *
 * <pre>{@code
 * TransactionSynchronizer spring = new TransactionSynchronizer() {
 *   public boolean isTransactionActive() {
 *     return TransactionSynchronizationManager.isSynchronizationActive();
 *   }
 *   public void afterCompletion(Consumer<Boolean> committed) {
 *     TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
 *       public void afterCompletion(int status) {
 *         committed.accept(status == STATUS_COMMITTED);
 *       }
 *     });
 *   }
 * };
 * }</pre>
 *
 * <p>Implementations are called on the thread that broadcasts and must be thread-safe.
 */
public interface TransactionSynchronizer {
  /** Whether the calling thread is inside a transaction whose end can be waited for. */
  boolean isTransactionActive();

  /**
   * Registers {@code callback} to run once the calling thread's current transaction has ended, with
   * {@code true} when it committed and {@code false} when it rolled back. Called only when {@link
   * #isTransactionActive()} is true.
   */
  void afterCompletion(Consumer<Boolean> callback);
}
