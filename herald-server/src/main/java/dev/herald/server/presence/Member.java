package dev.herald.server.presence;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A presence channel member: the {@code user_id} and the {@code user_info} given when the user's
 * first connection joined (Pusher keeps that info until the user's last connection leaves).
 *
 * @param userId the member's id, as a string
 * @param userInfo the member's info object, or null
 */
public record Member(String userId, JsonNode userInfo) {
  public Member {
    Objects.requireNonNull(userId, "userId");
  }
}
