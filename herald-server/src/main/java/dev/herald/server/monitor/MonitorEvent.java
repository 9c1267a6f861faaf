package dev.herald.server.monitor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.pusher.PusherJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One thing a monitor shows: what happened ({@code type}: {@code connection_opened}, {@code
 * subscribed}, {@code api_event}, …), in which app, when, and its details in Pusher's vocabulary
 * ({@code socket_id}, {@code channel}, {@code event}, {@code data}, {@code user_id}, {@code
 * reason}). Immutable.
 *
 * @param appId the app it happened in
 * @param type what happened, snake_case
 * @param timeMillis when, epoch milliseconds
 * @param details the fields that say more, in display order; null values are left out
 */
public record MonitorEvent(
    String appId, String type, long timeMillis, Map<String, String> details) {

  public MonitorEvent {
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(type, "type");
    LinkedHashMap<String, String> kept = new LinkedHashMap<>();
    details.forEach(
        (k, v) -> {
          if (v != null) {
            kept.put(k, v);
          }
        });
    details = java.util.Collections.unmodifiableMap(kept);
  }

  /** {@code {"type": …, "time": millis, "app_id": …, <details>}}, one line of JSON. */
  public String json() {
    ObjectNode node = PusherJson.mapper().createObjectNode();
    node.put("type", type).put("time", timeMillis).put("app_id", appId);
    details.forEach(node::put);
    return PusherJson.string(node);
  }
}
