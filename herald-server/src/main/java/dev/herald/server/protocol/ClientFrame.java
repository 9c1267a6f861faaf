package dev.herald.server.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.PusherJson;

/**
 * One parsed client message: {@code {"event": String, "channel"?: String, "data"?: any}}.
 *
 * @param event the event name
 * @param channel the channel, or null
 * @param data the data as sent (object, string, …), or null
 */
record ClientFrame(String event, String channel, JsonNode data) {

  /**
   * Parses a text frame.
   *
   * @throws PusherException (reject, 4300) saying what is malformed
   */
  static ClientFrame parse(String text) {
    JsonNode root;
    try {
      root = PusherJson.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw invalid("Invalid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw invalid("A message must be a JSON object with an \"event\" field");
    }
    JsonNode event = root.get(PusherJson.EVENT);
    if (event == null || !event.isTextual() || event.asText().isEmpty()) {
      throw invalid("The \"event\" field must be a non-empty string");
    }
    JsonNode channel = root.get(PusherJson.CHANNEL);
    if (channel != null && !channel.isNull() && !channel.isTextual()) {
      throw invalid("The \"channel\" field must be a string");
    }
    String channelName = channel == null || channel.isNull() ? null : channel.asText();
    return new ClientFrame(event.asText(), channelName, root.get(PusherJson.DATA));
  }

  /**
   * The data as an object: an object as is, or a string holding a JSON object (some clients
   * double-encode).
   *
   * @throws PusherException (reject, 4300) when it is neither
   */
  JsonNode dataObject() {
    JsonNode node = data;
    if (node != null && node.isTextual()) {
      try {
        node = PusherJson.mapper().readTree(node.asText());
      } catch (JsonProcessingException e) {
        node = null;
      }
    }
    if (node == null || !node.isObject()) {
      throw invalid("The \"data\" of " + event + " must be a JSON object");
    }
    return node;
  }

  /** A string field of {@link #dataObject()}, or null when absent. */
  static String optionalString(JsonNode object, String field, String event) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw invalid("The \"" + field + "\" of " + event + " must be a string");
    }
    return value.asText();
  }

  static PusherException invalid(String message) {
    return PusherException.reject(PusherError.INVALID_MESSAGE, message);
  }
}
