package dev.herald;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.pusher.PusherJson;

/**
 * Who a user is on a presence channel: the {@code user_id} every subscriber sees in the member
 * list, and optional {@code user_info} (protocol reference §1.6, §1.9). A presence rule of {@link
 * ChannelAuthorizer} returns one to let a user in.
 *
 * <p>Immutable and thread-safe as long as the {@code userInfo} tree is not modified afterwards.
 *
 * @param userId the member's id, unique per user (Pusher allows up to 128 characters); several
 *     connections with the same id count as one member
 * @param userInfo what other members see about this one (a name, an avatar…), or null for none;
 *     Pusher limits it to 1 KB
 */
public record PresenceMember(String userId, JsonNode userInfo) {
  /**
   * Checks the id.
   *
   * @throws IllegalArgumentException when the user id is null or empty
   */
  public PresenceMember {
    if (userId == null || userId.isEmpty()) {
      throw new IllegalArgumentException("a presence member needs a non-empty user id");
    }
    if (userInfo != null && userInfo.isNull()) {
      userInfo = null;
    }
  }

  /**
   * A member with {@code userInfo} converted to JSON by Jackson (a {@code Map}, a record, a {@code
   * JsonNode}…).
   *
   * @throws IllegalArgumentException when the user id is empty or the info cannot be converted
   */
  public PresenceMember(String userId, Object userInfo) {
    this(userId, tree(userInfo));
  }

  /** A member without {@code user_info}. */
  public static PresenceMember of(String userId) {
    return new PresenceMember(userId, (JsonNode) null);
  }

  /**
   * A member with {@code user_info} converted to JSON as by {@link #PresenceMember(String,
   * Object)}.
   */
  public static PresenceMember of(String userId, Object userInfo) {
    return new PresenceMember(userId, userInfo);
  }

  /**
   * The {@code channel_data} string of a presence authorization, {@code {"user_id", "user_info"?}}:
   * exactly what is signed and sent (protocol reference §1.9).
   */
  public String toChannelData() {
    ObjectNode node = PusherJson.mapper().createObjectNode();
    node.put(PusherJson.USER_ID, userId);
    if (userInfo != null) {
      node.set(PusherJson.USER_INFO, userInfo);
    }
    return PusherJson.string(node);
  }

  private static JsonNode tree(Object userInfo) {
    return userInfo == null ? null : PusherJson.mapper().valueToTree(userInfo);
  }
}
