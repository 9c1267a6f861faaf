package dev.herald.spring.shop;

import dev.herald.spring.ChannelAuthorization;
import dev.herald.spring.ChannelParam;
import java.security.Principal;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Who may listen: an order's owner its channel, staff the kitchen's presence channel. */
@Component
public class OrderChannels {
  /** Order 1 is alice's, order 2 bob's. */
  private static final Map<Long, String> OWNERS = Map.of(1L, "alice", 2L, "bob");

  @ChannelAuthorization("orders.{orderId}")
  boolean order(Principal user, @ChannelParam long orderId) {
    return user.getName().equals(OWNERS.get(orderId));
  }

  @ChannelAuthorization("kitchen.{restaurantId}")
  Map<String, Object> kitchen(Principal user, @ChannelParam("restaurantId") String restaurant) {
    return restaurant.equals("7") ? Map.of("name", user.getName().toUpperCase()) : null;
  }
}
