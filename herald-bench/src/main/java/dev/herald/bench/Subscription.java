package dev.herald.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.pusher.Signatures;
import java.io.UncheckedIOException;

/**
 * The {@code pusher:subscribe} message a load-client connection sends: for a {@code private-} or
 * {@code presence-} channel it carries a real {@code auth} signature ({@code
 * key:HMAC_SHA256(secret, socket_id:channel[:channel_data])}), as an app's auth endpoint would
 * return it. Thread-safe.
 */
record Subscription(String channel, String key, String secret) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The subscribe frame's text for the connection with {@code socketId}. */
  String message(String socketId) {
    return message(key, secret, socketId, channel, null);
  }

  /**
   * The subscribe frame's text for {@code channel}; {@code channelData} (presence only, else null)
   * is the {@code {"user_id":…,"user_info":…}} JSON the auth signs.
   */
  static String message(
      String key, String secret, String socketId, String channel, String channelData) {
    ObjectNode message = JSON.createObjectNode().put("event", "pusher:subscribe");
    ObjectNode data = message.putObject("data").put("channel", channel);
    if (channel.startsWith("private-") || channel.startsWith("presence-")) {
      data.put("auth", Signatures.channelAuth(key, secret, socketId, channel, channelData));
    }
    if (channelData != null) {
      data.put("channel_data", channelData);
    }
    return write(message);
  }

  /** The {@code pusher:unsubscribe} frame's text for {@code channel}. */
  static String unsubscribe(String channel) {
    ObjectNode message = JSON.createObjectNode().put("event", "pusher:unsubscribe");
    message.putObject("data").put("channel", channel);
    return write(message);
  }

  /** The socket id in the text of a {@code pusher:connection_established} frame. */
  static String socketId(String connectionEstablished) {
    try {
      String data = JSON.readTree(connectionEstablished).path("data").asText();
      return JSON.readTree(data).path("socket_id").asText();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String write(ObjectNode message) {
    try {
      return JSON.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
