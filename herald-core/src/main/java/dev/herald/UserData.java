package dev.herald;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.pusher.PusherJson;
import java.util.List;

/**
 * The user a connection signs in as (protocol reference §1.7): {@code id}, optional {@code
 * user_info} and an optional {@code watchlist} of user ids whose online status the user follows.
 * {@link ChannelAuthorizer#signin} signs it as the {@code user_data} JSON string.
 *
 * <p>Immutable and thread-safe as long as the {@code userInfo} tree is not modified afterwards.
 *
 * @param id the user's id: what the server's {@code #server-to-user-{id}} channel and {@code
 *     terminate_connections} address
 * @param userInfo anything the app wants to attach, or null
 * @param watchlist user ids to watch (Pusher accepts up to 100), empty for none
 */
public record UserData(String id, JsonNode userInfo, List<String> watchlist) {
  /**
   * Checks the id and copies the watchlist.
   *
   * @throws IllegalArgumentException when the id is null or empty, or the watchlist holds a null or
   *     empty id
   */
  public UserData {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("signed-in user data needs a non-empty id");
    }
    if (userInfo != null && userInfo.isNull()) {
      userInfo = null;
    }
    watchlist = watchlist == null ? List.of() : List.copyOf(watchlist);
    if (watchlist.stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException("a watchlist cannot contain an empty user id");
    }
  }

  /** Just an id: {@code {"id": …}}. */
  public static UserData of(String id) {
    return new UserData(id, null, List.of());
  }

  /**
   * A copy with {@code userInfo} converted to JSON by Jackson (a {@code Map}, a record…).
   *
   * @throws IllegalArgumentException when it cannot be converted
   */
  public UserData withUserInfo(Object userInfo) {
    JsonNode tree = userInfo == null ? null : PusherJson.mapper().valueToTree(userInfo);
    return new UserData(id, tree, watchlist);
  }

  /** A copy with this watchlist. */
  public UserData withWatchlist(List<String> watchlist) {
    return new UserData(id, userInfo, watchlist);
  }

  /**
   * The {@code user_data} string that is signed and sent: {@code {"id", "user_info"?,
   * "watchlist"?}}, absent fields left out.
   */
  public String toJson() {
    ObjectNode node = PusherJson.mapper().createObjectNode();
    node.put("id", id);
    if (userInfo != null) {
      node.set(PusherJson.USER_INFO, userInfo);
    }
    if (!watchlist.isEmpty()) {
      watchlist.forEach(node.putArray(PusherJson.WATCHLIST)::add);
    }
    return PusherJson.string(node);
  }
}
