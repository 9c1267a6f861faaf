package dev.herald.readme;

import dev.herald.Channel;
import dev.herald.FakeBroadcaster;
import org.junit.jupiter.api.Test;

/** The README's test with {@link FakeBroadcaster}; it runs like any other. */
class OrderServiceTest {
  private final FakeBroadcaster broadcaster = new FakeBroadcaster();
  private final OrderService orders = new OrderService(broadcaster);

  @Test
  void tellsTheOrdersChannelWhenAnOrderShips() {
    orders.ship(42, "DHL", null);

    broadcaster.assertBroadcastOn(Channel.privateChannel("orders.42"), OrderShipped.class);
    broadcaster.assertBroadcast(OrderShipped.class, event -> event.carrier().equals("DHL"));
  }
}
