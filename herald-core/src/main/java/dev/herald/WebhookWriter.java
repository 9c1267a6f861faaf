package dev.herald;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.pusher.PusherJson;

/**
 * Writes a {@link WebhookBatch} as the body Pusher POSTs, {@code {"time_ms": …, "events": […]}}
 * (protocol reference §1.12): each event's fields in Pusher's order ({@code name}, {@code channel},
 * then {@code event}, {@code data}, {@code socket_id}, {@code user_id}, {@code subscription_count}
 * where the event has them), absent ones left out. The inverse of {@link WebhookParser}. Stateless
 * and thread-safe.
 */
final class WebhookWriter {
  private WebhookWriter() {}

  static byte[] write(WebhookBatch batch) {
    ObjectNode root = PusherJson.mapper().createObjectNode();
    root.put(WebhookParser.TIME_MS, batch.timeMs());
    ArrayNode events = root.putArray(WebhookParser.EVENTS);
    for (WebhookEvent event : batch.events()) {
      write(event, events.addObject());
    }
    try {
      return PusherJson.mapper().writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  private static void write(WebhookEvent event, ObjectNode node) {
    if (event instanceof WebhookEvent.Unknown unknown) {
      node.put(WebhookParser.NAME, unknown.name());
      if (unknown.event() != null && unknown.event().isObject()) {
        unknown.event().properties().forEach(field -> node.set(field.getKey(), field.getValue()));
      }
      return;
    }
    node.put(WebhookParser.NAME, event.name());
    node.put(PusherJson.CHANNEL, event.channel());
    if (event instanceof WebhookEvent.MemberAdded added) {
      node.put(PusherJson.USER_ID, added.userId());
    } else if (event instanceof WebhookEvent.MemberRemoved removed) {
      node.put(PusherJson.USER_ID, removed.userId());
    } else if (event instanceof WebhookEvent.ClientEvent client) {
      putIfPresent(node, PusherJson.EVENT, client.event());
      putIfPresent(node, PusherJson.DATA, client.data());
      putIfPresent(node, PusherJson.SOCKET_ID, client.socketId());
      putIfPresent(node, PusherJson.USER_ID, client.userId());
    } else if (event instanceof WebhookEvent.SubscriptionCount count) {
      node.put(WebhookParser.SUBSCRIPTION_COUNT, count.count());
    }
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }
}
