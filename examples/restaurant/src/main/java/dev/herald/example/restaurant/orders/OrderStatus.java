package dev.herald.example.restaurant.orders;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** Where an order is, from the customer's point of view: the tracker's timeline. */
public enum OrderStatus {
  PLACED,
  PREPARING,
  READY,
  OUT_FOR_DELIVERY,
  DELIVERED;

  /** The name in events and the API: {@code out_for_delivery}. */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status the kitchen moves an order to next: placed → preparing → ready. */
  Optional<OrderStatus> nextInKitchen() {
    return switch (this) {
      case PLACED -> Optional.of(PREPARING);
      case PREPARING -> Optional.of(READY);
      default -> Optional.empty();
    };
  }

  /** The status named {@code wire}, as the database stores it. */
  static OrderStatus fromWire(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
