package dev.herald.example.restaurant.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.herald.BroadcastEvent;
import dev.herald.Channel;
import dev.herald.example.restaurant.orders.Order;
import java.time.Instant;
import java.util.List;

/** Where the driver of an order is now: for the driver, the order's customer and its restaurant. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DriverLocationUpdated(
    long driverId,
    String driverName,
    Location location,
    long orderId,
    String orderNumber,
    String eta,
    Instant timestamp,
    String version,
    @JsonIgnore long customerId,
    @JsonIgnore long restaurantId)
    implements BroadcastEvent {

  /**
   * A position fix.
   *
   * @param latitude degrees north
   * @param longitude degrees east
   * @param accuracy metres
   * @param speed km/h
   * @param heading degrees clockwise from north
   */
  public record Location(
      double latitude, double longitude, double accuracy, double speed, double heading) {}

  /** The event for {@code order}'s driver at {@code location}, {@code eta} from the door. */
  public static DriverLocationUpdated of(Order order, Location location, String eta, Instant now) {
    return new DriverLocationUpdated(
        order.driverId(),
        order.driverName(),
        location,
        order.id(),
        order.number(),
        eta,
        now,
        "1.0",
        order.customerId(),
        order.restaurantId());
  }

  @Override
  public List<Channel> broadcastOn() {
    return List.of(
        ChannelNames.driver(driverId),
        ChannelNames.customer(customerId),
        ChannelNames.restaurant(restaurantId));
  }
}
