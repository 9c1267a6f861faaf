package dev.herald.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.pusher.Signatures;
import java.io.UncheckedIOException;

/**
 * The {@code pusher:subscribe} message a load-client connection sends: for a {@code private-}
 * channel it carries a real {@code auth} signature ({@code key:HMAC_SHA256(secret,
 * socket_id:channel)}), as an app's auth endpoint would return it. Thread-safe.
 */
record Subscription(String channel, String key, String secret) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The subscribe frame's text for the connection with {@code socketId}. */
  String message(String socketId) {
    ObjectNode message = JSON.createObjectNode().put("event", "pusher:subscribe");
    ObjectNode data = message.putObject("data").put("channel", channel);
    if (channel.startsWith("private-")) {
      data.put("auth", Signatures.channelAuth(key, secret, socketId, channel, null));
    }
    try {
      return JSON.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
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
}
