package dev.herald.server.app;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One webhook endpoint of an app (protocol reference §1.12), with Soketi-style filters.
 *
 * @param url where events are POSTed
 * @param eventTypes the event names sent here ({@code channel_occupied}, {@code channel_vacated},
 *     {@code member_added}, {@code member_removed}, {@code client_event}, {@code cache_miss},
 *     {@code subscription_count}); empty means all
 * @param channelPrefix only channels starting with this, or null
 * @param channelSuffix only channels ending with this, or null
 * @param headers extra request headers
 */
public record Webhook(
    URI url,
    Set<String> eventTypes,
    String channelPrefix,
    String channelSuffix,
    Map<String, String> headers) {

  /** The event names Herald sends. */
  public static final Set<String> EVENT_TYPES =
      Set.of(
          "channel_occupied",
          "channel_vacated",
          "member_added",
          "member_removed",
          "client_event",
          "cache_miss",
          "subscription_count");

  public Webhook {
    Objects.requireNonNull(url, "url");
    eventTypes = Set.copyOf(eventTypes);
    headers = Map.copyOf(headers);
    for (String type : eventTypes) {
      if (!EVENT_TYPES.contains(type)) {
        throw new IllegalArgumentException(
            "unknown webhook event type '" + type + "'; known: " + EVENT_TYPES);
      }
    }
  }

  /** Whether an event of {@code type} on {@code channel} goes to this endpoint. */
  public boolean accepts(String type, String channel) {
    return (eventTypes.isEmpty() || eventTypes.contains(type))
        && (channelPrefix == null || channel.startsWith(channelPrefix))
        && (channelSuffix == null || channel.endsWith(channelSuffix));
  }
}
