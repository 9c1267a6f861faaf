package dev.herald.example.restaurant;

import dev.herald.PresenceMember;
import dev.herald.example.restaurant.orders.Order;
import dev.herald.example.restaurant.orders.Orders;
import dev.herald.example.restaurant.people.DemoUser;
import dev.herald.example.restaurant.people.DemoUsers;
import dev.herald.spring.ChannelAuthorization;
import dev.herald.spring.ChannelParam;
import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who may join which channel, the seed's rules: customers only their own channel, staff only their
 * restaurant's, drivers only their own, admins everything. The starter's {@code /broadcasting/auth}
 * asks these methods and answers 403 when one says no.
 */
@Component
class ChannelRules {
  private final DemoUsers users;
  private final Orders orders;

  ChannelRules(DemoUsers users, Orders orders) {
    this.users = users;
    this.orders = orders;
  }

  @ChannelAuthorization("customer.{customerId}")
  boolean customer(Principal principal, @ChannelParam long customerId) {
    return users.find(principal).map(user -> user.isCustomer(customerId)).orElse(false);
  }

  @ChannelAuthorization("restaurant.{restaurantId}")
  boolean restaurant(Principal principal, @ChannelParam long restaurantId) {
    return users.find(principal).map(user -> user.worksAt(restaurantId)).orElse(false);
  }

  @ChannelAuthorization("kitchen.{restaurantId}")
  boolean kitchen(Principal principal, @ChannelParam long restaurantId) {
    return users.find(principal).map(user -> user.worksAt(restaurantId)).orElse(false);
  }

  /** presence-kitchen.{id}: the staff on duty, as the kitchen display lists them. */
  @ChannelAuthorization("kitchen.{restaurantId}")
  Optional<PresenceMember> onDuty(Principal principal, @ChannelParam long restaurantId) {
    return users
        .find(principal)
        .filter(user -> user.worksAt(restaurantId))
        .map(
            user ->
                PresenceMember.of(
                    user.username(),
                    // The id again: Laravel Echo's here() and joining() hand over user_info only.
                    Map.of(
                        "id",
                        user.username(),
                        "name",
                        user.name(),
                        "role",
                        user.role().name().toLowerCase(Locale.ROOT))));
  }

  @ChannelAuthorization("driver.{driverId}")
  boolean driver(Principal principal, @ChannelParam long driverId) {
    return users.find(principal).map(user -> user.isDriver(driverId)).orElse(false);
  }

  /**
   * private-order.{id}: the order's customer and driver (and its restaurant's staff), who whisper
   * "typing" and messages to each other on it.
   */
  @ChannelAuthorization("order.{orderId}")
  boolean order(Principal principal, @ChannelParam long orderId) {
    Optional<DemoUser> user = users.find(principal);
    Optional<Order> order = orders.find(orderId);
    if (user.isEmpty() || order.isEmpty()) {
      return false;
    }
    DemoUser who = user.get();
    Order what = order.get();
    return who.isCustomer(what.customerId())
        || who.worksAt(what.restaurantId())
        || (what.driverId() != null && who.isDriver(what.driverId()));
  }
}
