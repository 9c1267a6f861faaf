package dev.herald.readme;

import dev.herald.Broadcaster;

/** The README's service that broadcasts. */
public final class OrderService {
  private final Broadcaster broadcaster;

  public OrderService(Broadcaster broadcaster) {
    this.broadcaster = broadcaster;
  }

  public void ship(long orderId, String carrier, String socketId) {
    // ... mark the order shipped in the database ...
    broadcaster.broadcastToOthers(new OrderShipped(orderId, carrier), socketId);
  }
}
