package dev.herald.server.app;

import dev.herald.WebhookEventType;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One webhook endpoint of an app (protocol reference §1.12), with Soketi-style filters.
 *
 * @param url where events are POSTed
 * @param eventTypes the Pusher names of the {@link WebhookEventType}s sent here; empty means all
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

  public Webhook {
    Objects.requireNonNull(url, "url");
    eventTypes = Set.copyOf(eventTypes);
    headers = Map.copyOf(headers);
    for (String type : eventTypes) {
      if (WebhookEventType.find(type).isEmpty()) {
        throw new IllegalArgumentException(
            "unknown webhook event type '" + type + "'; known: " + knownTypes());
      }
    }
  }

  /**
   * The Pusher names of every {@link WebhookEventType}, comma-separated, in the order the
   * documentation lists them.
   */
  public static String knownTypes() {
    return Arrays.stream(WebhookEventType.values())
        .map(WebhookEventType::pusherName)
        .collect(Collectors.joining(", "));
  }

  /** Whether an event of {@code type} on {@code channel} goes to this endpoint. */
  public boolean accepts(WebhookEventType type, String channel) {
    return (eventTypes.isEmpty() || eventTypes.contains(type.pusherName()))
        && (channelPrefix == null || channel.startsWith(channelPrefix))
        && (channelSuffix == null || channel.endsWith(channelSuffix));
  }
}
