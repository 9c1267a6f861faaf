package dev.herald.spring;

import dev.herald.TransactionSynchronizer;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring's transactions as {@link dev.herald.AfterCommitBroadcaster} needs them. Synchronization is
 * cleared before Spring runs {@code afterCompletion} callbacks, so an event published from one (an
 * {@code @TransactionalEventListener}, say) is sent at once instead of waiting for a completion
 * that has already happened.
 */
final class SpringTransactions implements TransactionSynchronizer {
  @Override
  public boolean isTransactionActive() {
    return TransactionSynchronizationManager.isSynchronizationActive();
  }

  @Override
  public void afterCompletion(Consumer<Boolean> callback) {
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            callback.accept(status == STATUS_COMMITTED);
          }
        });
  }
}
