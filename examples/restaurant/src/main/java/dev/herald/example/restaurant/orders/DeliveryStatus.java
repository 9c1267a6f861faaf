package dev.herald.example.restaurant.orders;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where the delivery is, from the driver's point of view. */
public enum DeliveryStatus {
  UNASSIGNED,
  ASSIGNED,
  PICKED_UP,
  DELIVERED;

  /** The name in events and the API: {@code picked_up}. */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  static DeliveryStatus fromWire(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
