package dev.herald;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.WebhookVerificationException.Reason;
import dev.herald.pusher.PusherJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a webhook body, {@code {"time_ms": …, "events": [{"name": …, …}]}} (protocol reference
 * §1.12), into a {@link WebhookBatch}. Stateless and thread-safe. Known events must carry their
 * fields; unknown names become {@link WebhookEvent.Unknown}.
 */
final class WebhookParser {
  static final String TIME_MS = "time_ms";
  static final String EVENTS = "events";
  static final String NAME = "name";
  static final String SUBSCRIPTION_COUNT = "subscription_count";

  private WebhookParser() {}

  /**
   * Parses {@code body}.
   *
   * @throws WebhookVerificationException ({@link Reason#MALFORMED_BODY}) naming what is wrong
   */
  static WebhookBatch parse(byte[] body) {
    JsonNode root;
    try {
      root = PusherJson.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      throw malformed("the webhook body is not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw malformed("the webhook body could not be read: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw malformed("the webhook body is not a JSON object", null);
    }
    JsonNode time = root.get(TIME_MS);
    if (time == null || !time.isIntegralNumber()) {
      throw malformed("the webhook body has no numeric \"time_ms\"", null);
    }
    JsonNode events = root.get(EVENTS);
    if (events == null || !events.isArray()) {
      throw malformed("the webhook body has no \"events\" array", null);
    }
    List<WebhookEvent> parsed = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      parsed.add(event(events.get(i), i));
    }
    return new WebhookBatch(time.asLong(), parsed);
  }

  private static WebhookEvent event(JsonNode node, int index) {
    if (!node.isObject()) {
      throw malformed("webhook event " + index + " is not a JSON object", null);
    }
    String name = text(node, NAME, index, true);
    Optional<WebhookEventType> type = WebhookEventType.find(name);
    if (type.isEmpty()) {
      return new WebhookEvent.Unknown(name, node);
    }
    return switch (type.get()) {
      case CHANNEL_OCCUPIED -> new WebhookEvent.ChannelOccupied(channel(node, index));
      case CHANNEL_VACATED -> new WebhookEvent.ChannelVacated(channel(node, index));
      case MEMBER_ADDED ->
          new WebhookEvent.MemberAdded(
              channel(node, index), text(node, PusherJson.USER_ID, index, true));
      case MEMBER_REMOVED ->
          new WebhookEvent.MemberRemoved(
              channel(node, index), text(node, PusherJson.USER_ID, index, true));
      case CLIENT_EVENT ->
          new WebhookEvent.ClientEvent(
              channel(node, index),
              text(node, PusherJson.EVENT, index, true),
              data(node.get(PusherJson.DATA)),
              text(node, PusherJson.SOCKET_ID, index, false),
              text(node, PusherJson.USER_ID, index, false));
      case CACHE_MISS -> new WebhookEvent.CacheMiss(channel(node, index));
      case SUBSCRIPTION_COUNT ->
          new WebhookEvent.SubscriptionCount(channel(node, index), count(node, index));
    };
  }

  private static String channel(JsonNode node, int index) {
    return text(node, PusherJson.CHANNEL, index, true);
  }

  /** A string field; a required one must be a non-empty string, an optional one may be absent. */
  private static String text(JsonNode node, String field, int index, boolean required) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw malformed(
            "webhook event "
                + index
                + " ("
                + node.path(NAME).asText("?")
                + ") has no \""
                + field
                + "\"",
            null);
      }
      return null;
    }
    if (!value.isTextual() || (required && value.asText().isEmpty())) {
      throw malformed(
          "webhook event " + index + " has a \"" + field + "\" that is not a non-empty string",
          null);
    }
    return value.asText();
  }

  /** Client event data: Pusher sends a string; any other JSON is kept as its text. */
  private static String data(JsonNode data) {
    if (data == null || data.isNull()) {
      return null;
    }
    return data.isTextual() ? data.asText() : PusherJson.string(data);
  }

  private static int count(JsonNode node, int index) {
    JsonNode count = node.get(SUBSCRIPTION_COUNT);
    if (count == null || !count.canConvertToInt() || !count.isIntegralNumber()) {
      throw malformed(
          "webhook event " + index + " (subscription_count) has no integer \"subscription_count\"",
          null);
    }
    return count.intValue();
  }

  private static WebhookVerificationException malformed(String message, Throwable cause) {
    return new WebhookVerificationException(Reason.MALFORMED_BODY, message, cause);
  }
}
