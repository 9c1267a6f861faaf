package dev.herald;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class AfterCommitBroadcasterTest {
  private static final Channel ORDERS = Channel.publicChannel("orders");

  /** A transaction the test begins and ends. */
  static final class FakeTransactions implements TransactionSynchronizer {
    boolean active;
    final List<Consumer<Boolean>> callbacks = new ArrayList<>();

    @Override
    public boolean isTransactionActive() {
      return active;
    }

    @Override
    public void afterCompletion(Consumer<Boolean> callback) {
      callbacks.add(callback);
    }

    void end(boolean committed) {
      active = false;
      callbacks.forEach(c -> c.accept(committed));
      callbacks.clear();
    }
  }

  private final FakeBroadcaster fake = new FakeBroadcaster();
  private final FakeTransactions transactions = new FakeTransactions();
  private final AfterCommitBroadcaster broadcaster = new AfterCommitBroadcaster(fake, transactions);

  @Test
  void sendsAtOnceOutsideATransaction() {
    CompletableFuture<Void> sent = broadcaster.on(ORDERS).as("now").send();
    assertThat(sent).isCompleted();
    fake.assertBroadcast("now");
  }

  @Test
  void holdsBroadcastsUntilTheTransactionCommits() {
    transactions.active = true;
    CompletableFuture<Void> sent = broadcaster.on(ORDERS).as("shipped").send();
    CompletableFuture<Void> all =
        broadcaster.broadcastAll(List.of(Broadcast.of(List.of(ORDERS), "batched", "{}")));
    fake.assertNothingBroadcast();
    assertThat(sent).isNotDone();

    transactions.end(true);

    assertThat(sent).isCompleted();
    assertThat(all).isCompleted();
    assertThat(fake.broadcasts()).extracting(Broadcast::name).containsExactly("shipped", "batched");
  }

  @Test
  void dropsBroadcastsWhenTheTransactionRollsBack() {
    transactions.active = true;
    CompletableFuture<Void> sent = broadcaster.on(ORDERS).as("shipped").send();
    transactions.end(false);
    assertThat(sent).isCancelled();
    fake.assertNothingBroadcast();
  }

  @Test
  void passesOnAFailureAfterCommit() {
    BroadcastException down = new BroadcastException("down", true, null);
    fake.failNext(down);
    transactions.active = true;
    CompletableFuture<Void> sent = broadcaster.on(ORDERS).as("shipped").send();
    transactions.end(true);
    assertThatThrownBy(sent::join).hasCause(down);
  }

  @Test
  void refusesAnOversizedPayloadInsideTheTransactionSoItCanStillRollBack() {
    transactions.active = true;
    String data = "\"" + "x".repeat(Broadcast.DEFAULT_MAX_PAYLOAD_BYTES) + "\"";
    assertThatThrownBy(() -> broadcaster.on(ORDERS).as("big").withJson(data).send())
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(transactions.callbacks).isEmpty();
  }
}
