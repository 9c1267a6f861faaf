package dev.herald.server.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.PusherJson;
import dev.herald.server.app.AppLimits;
import dev.herald.server.presence.Member;
import java.nio.charset.StandardCharsets;

/**
 * Reads a presence subscription's {@code channel_data}: {@code {"user_id": String|Number,
 * "user_info"?: any}}, within the app's limits (128-character id, 1 KB info by default).
 */
final class PresenceData {
  private PresenceData() {}

  static Member member(String channelData, String channel, AppLimits limits) {
    JsonNode node;
    try {
      node = PusherJson.mapper().readTree(channelData);
    } catch (JsonProcessingException e) {
      throw bad(channel, "channel_data is not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw bad(channel, "channel_data must be a JSON object");
    }
    JsonNode id = node.get(PusherJson.USER_ID);
    if (id == null || !(id.isTextual() || id.isIntegralNumber()) || id.asText().isEmpty()) {
      throw bad(channel, "channel_data.user_id must be a non-empty string or an integer");
    }
    String userId = id.asText();
    if (userId.length() > limits.maxPresenceUserIdLength()) {
      throw bad(
          channel,
          "user_id is "
              + userId.length()
              + " characters long; the limit is "
              + limits.maxPresenceUserIdLength());
    }
    JsonNode info = node.get(PusherJson.USER_INFO);
    if (info != null) {
      int size = PusherJson.string(info).getBytes(StandardCharsets.UTF_8).length;
      if (size > limits.maxPresenceUserInfoBytes()) {
        throw bad(
            channel,
            "user_info is " + size + " bytes; the limit is " + limits.maxPresenceUserInfoBytes());
      }
    }
    return new Member(userId, info);
  }

  private static PusherException bad(String channel, String message) {
    return SubscriptionRefusal.INVALID_CHANNEL_DATA.of(channel, message);
  }
}
