package dev.herald.example.restaurant.events;

import dev.herald.Channel;

/**
 * The demo's channels. Private: {@code customer.{id}}, {@code restaurant.{id}}, {@code
 * kitchen.{id}}, {@code driver.{id}} (the seed's four) and {@code order.{id}}, which the customer
 * and the driver of one order share for whispers. Presence: {@code kitchen.{id}}, the staff on
 * duty. {@code ChannelRules} says who may join which.
 */
public final class ChannelNames {
  private ChannelNames() {}

  /** {@code private-customer.{id}}: one customer's orders. */
  public static Channel customer(long customerId) {
    return Channel.privateChannel("customer." + customerId);
  }

  /** {@code private-restaurant.{id}}: everything about one restaurant's orders, for its staff. */
  public static Channel restaurant(long restaurantId) {
    return Channel.privateChannel("restaurant." + restaurantId);
  }

  /** {@code private-kitchen.{id}}: the kitchen display's orders. */
  public static Channel kitchen(long restaurantId) {
    return Channel.privateChannel("kitchen." + restaurantId);
  }

  /** {@code private-driver.{id}}: one driver's offers and deliveries. */
  public static Channel driver(long driverId) {
    return Channel.privateChannel("driver." + driverId);
  }
}
