package dev.herald;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.BroadcasterContract.OrderShipped;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fake's assertions: they pass when they should and fail with a readable list otherwise. */
class FakeBroadcasterTest {
  private static final Channel ORDERS = Channel.publicChannel("orders");
  private final FakeBroadcaster fake = new FakeBroadcaster();

  @Test
  void passesAssertionsAboutWhatWasBroadcast() {
    fake.broadcast(new OrderShipped(42, "DHL"));
    fake.broadcast(new OrderShipped(43, "UPS"));
    fake.on(ORDERS).as("order.note").withJson("{}").send();

    assertThatCode(
            () -> {
              fake.assertBroadcast(OrderShipped.class);
              fake.assertBroadcast(OrderShipped.class, e -> e.orderId() == 43);
              fake.assertBroadcast("order.note");
              fake.assertBroadcastOn(ORDERS, OrderShipped.class);
              fake.assertBroadcastOn(ORDERS, "order.note");
              fake.assertBroadcastTimes(OrderShipped.class, 2);
              fake.assertBroadcastTimes("order.note", 1);
              fake.assertNotBroadcast("order.cancelled");
            })
        .doesNotThrowAnyException();
    assertThat(fake.events(OrderShipped.class))
        .extracting(OrderShipped::orderId)
        .containsExactly(42L, 43L);
  }

  @Test
  void listsWhatWasBroadcastWhenAnExpectedEventIsMissing() {
    fake.broadcast(new OrderShipped(42, "DHL"));
    fake.on(ORDERS).as("order.note").withJson("{\"n\":1}").toOthers("1.2").send();

    assertThatThrownBy(
            () -> fake.assertBroadcastOn(Channel.privateChannel("orders.42"), OrderShipped.class))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expected OrderShipped to be broadcast on private-orders.42, but it was not.\n"
                + "Broadcast (2):\n"
                + "  1. 'OrderShipped' (OrderShipped) on [orders]: {\"orderId\":42,\"carrier\":\"DHL\"}\n"
                + "  2. 'order.note' on [orders] except 1.2: {\"n\":1}");
  }

  @Test
  void saysNothingWasBroadcastWhenNothingWas() {
    assertThatThrownBy(() -> fake.assertBroadcast("order.note"))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expected an event named 'order.note' to be broadcast, but it was not.\n"
                + "Nothing was broadcast.");
    assertThatCode(fake::assertNothingBroadcast).doesNotThrowAnyException();
  }

  @Test
  void countsInItsMessageWhenTheNumberIsWrong() {
    fake.broadcast(new OrderShipped(1, "x"));
    fake.broadcast(new OrderShipped(2, "x"));
    assertThatThrownBy(() -> fake.assertBroadcastTimes(OrderShipped.class, 1))
        .hasMessageStartingWith(
            "Expected OrderShipped to be broadcast once, but it was broadcast 2 times.");
    assertThatThrownBy(() -> fake.assertNotBroadcast(OrderShipped.class))
        .hasMessageStartingWith(
            "Expected OrderShipped to be broadcast 0 times, but it was broadcast 2 times.");
    assertThatThrownBy(fake::assertNothingBroadcast)
        .hasMessageStartingWith(
            "Expected nothing to be broadcast, but something was.\nBroadcast (2):");
  }

  @Test
  void failsTheNextBroadcastsAsToldWithoutRecordingThem() {
    BroadcastException down = new BroadcastException("down", true, null);
    fake.failNext(down).failNext(down);
    assertThat(fake.broadcast(new OrderShipped(1, "x"))).isCompletedExceptionally();
    assertThat(fake.broadcast(new OrderShipped(2, "x"))).isCompletedExceptionally();
    assertThat(fake.broadcast(new OrderShipped(3, "x"))).isCompleted();
    assertThat(fake.events(OrderShipped.class))
        .extracting(OrderShipped::orderId)
        .containsExactly(3L);
  }

  @Test
  void forgetsEverythingOnReset() {
    fake.broadcast(new OrderShipped(1, "x"));
    fake.reset();
    fake.assertNothingBroadcast();
    assertThat(fake.broadcasts()).isEqualTo(List.of());
  }
}
