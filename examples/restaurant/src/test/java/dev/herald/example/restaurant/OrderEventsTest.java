package dev.herald.example.restaurant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.Channel;
import dev.herald.FakeBroadcaster;
import dev.herald.example.restaurant.events.DeliveryStatusChanged;
import dev.herald.example.restaurant.events.DriverLocationUpdated;
import dev.herald.example.restaurant.events.KitchenOrderUpdated;
import dev.herald.example.restaurant.events.NewOrderPlaced;
import dev.herald.example.restaurant.events.OrderStatusUpdated;
import dev.herald.example.restaurant.orders.Order;
import dev.herald.example.restaurant.orders.OrderService;
import dev.herald.example.restaurant.orders.OrderStatus;
import dev.herald.example.restaurant.people.DemoUser;
import dev.herald.example.restaurant.people.DemoUsers;
import dev.herald.spring.test.AutoConfigureHeraldFake;
import java.security.Principal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.server.ResponseStatusException;

/** Each step of an order publishes the seed's events to the seed's channels. */
@SpringBootTest(properties = "herald.server.enabled=false")
@AutoConfigureHeraldFake
class OrderEventsTest {
  @Autowired OrderService orders;
  @Autowired DemoUsers users;
  @Autowired FakeBroadcaster broadcasts;

  private DemoUser user(String name) {
    Principal principal = () -> name;
    return users.require(principal);
  }

  @Test
  void anOrderTravelsFromTheCustomerThroughTheKitchenToTheDriver() {
    Order order = orders.place(user("alice"), 1, Map.of(11L, 2), "no onions");

    for (String channel : new String[] {"restaurant.1", "customer.1", "kitchen.1"}) {
      broadcasts.assertBroadcastOn(Channel.privateChannel(channel), NewOrderPlaced.class);
    }
    broadcasts.assertBroadcastOn(Channel.privateChannel("kitchen.1"), KitchenOrderUpdated.class);

    orders.advanceInKitchen(user("kenji"), order.id());
    orders.advanceInKitchen(user("maria"), order.id());
    broadcasts.assertBroadcast(
        OrderStatusUpdated.class, event -> event.newStatus() == OrderStatus.READY);
    // Ready and nobody has it: offered to every driver.
    broadcasts.assertBroadcastOn(Channel.privateChannel("driver.1"), OrderStatusUpdated.class);
    broadcasts.assertBroadcastOn(Channel.privateChannel("driver.2"), OrderStatusUpdated.class);

    broadcasts.reset();
    orders.accept(user("dave"), order.id());
    orders.pickUp(user("dave"), order.id());
    orders.moveDriver(
        user("dave"), order.id(), new DriverLocationUpdated.Location(40.706, -73.99, 10, 25, 90));
    for (String channel : new String[] {"customer.1", "restaurant.1", "driver.1"}) {
      broadcasts.assertBroadcastOn(Channel.privateChannel(channel), DeliveryStatusChanged.class);
      broadcasts.assertBroadcastOn(Channel.privateChannel(channel), DriverLocationUpdated.class);
    }
    assertThat(broadcasts.events(OrderStatusUpdated.class))
        .extracting(OrderStatusUpdated::newStatus)
        .containsExactly(OrderStatus.OUT_FOR_DELIVERY);
    broadcasts.assertNotBroadcast("NewOrderPlaced");
  }

  @Test
  void staffCannotMoveAnotherRestaurantsOrdersAndNothingIsBroadcast() {
    Order order = orders.place(user("bob"), 1, Map.of(12L, 1), "");
    broadcasts.reset();

    assertThatThrownBy(() -> orders.advanceInKitchen(user("omar"), order.id()))
        .isInstanceOf(ResponseStatusException.class)
        .hasMessageContaining("not your restaurant");
    broadcasts.assertNothingBroadcast();
  }
}
