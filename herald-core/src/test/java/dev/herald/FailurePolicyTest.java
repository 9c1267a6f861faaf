package dev.herald;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FailurePolicyTest {
  private static final Channel ORDERS = Channel.publicChannel("orders");
  private final FakeBroadcaster fake = new FakeBroadcaster();

  @Test
  void throwLeavesFailuresToTheCaller() {
    Broadcaster broadcaster = FailurePolicy.THROW.apply(fake);
    assertThat(broadcaster).isSameAs(fake);
    fake.failNext(new BroadcastException("down", true, null));
    assertThat(broadcaster.on(ORDERS).send()).isCompletedExceptionally();
  }

  @Test
  void logCompletesNormallyWhenSendingFailsButStillRefusesInvalidEvents() {
    Broadcaster broadcaster = FailurePolicy.LOG.apply(fake);
    fake.failNext(new BroadcastException("down", true, null));
    CompletableFuture<Void> sent = broadcaster.on(ORDERS).send();
    assertThat(sent).isCompleted();
    assertThat(broadcaster.broadcastAll(List.of(Broadcast.of(List.of(ORDERS), "x", "{}"))))
        .isCompleted();
    assertThatThrownBy(() -> broadcaster.on(ORDERS).toOthers("bad").send())
        .isInstanceOf(IllegalArgumentException.class);
    broadcaster.close();
    assertThatThrownBy(() -> fake.on(ORDERS).send()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void retryQueuesWithTheDefaultRetryPolicy() {
    Broadcaster broadcaster = FailurePolicy.RETRY.apply(fake);
    try {
      assertThat(broadcaster).isInstanceOf(QueuedBroadcaster.class);
      broadcaster.on(ORDERS).as("queued").send().join();
      fake.assertBroadcast("queued");
    } finally {
      broadcaster.close();
    }
  }

  @Test
  void isNamedInLowerCaseInConfiguration() {
    assertThat(FailurePolicy.named(" Retry ")).isEqualTo(FailurePolicy.RETRY);
    assertThat(FailurePolicy.LOG).hasToString("log");
    assertThatThrownBy(() -> FailurePolicy.named("ignore"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use throw, log or retry");
  }
}
