package dev.herald;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.pusher.PusherJson;
import java.util.Objects;

/**
 * What an authorization endpoint answers with status 200 (protocol reference §1.9): {@code
 * {"auth"}} for a private channel, {@code {"auth", "channel_data"}} for a presence channel, {@code
 * {"auth", "shared_secret"}} for an encrypted channel and {@code {"auth", "user_data"}} for a user
 * sign-in. Made by {@link ChannelAuthorizer}; write {@link #toJson()} as the response body with
 * {@code Content-Type: application/json}.
 *
 * <p>Immutable and thread-safe. {@link #toString()} hides the shared secret.
 *
 * @param auth {@code key:signature}
 * @param channelData the exact JSON string that was signed for a presence channel, else null
 * @param sharedSecret the base64 key of an encrypted channel, else null; not part of the signature
 * @param userData the exact JSON string that was signed for a sign-in, else null
 */
public record AuthResponse(String auth, String channelData, String sharedSecret, String userData) {
  /** Requires {@code auth}. */
  public AuthResponse {
    Objects.requireNonNull(auth, "auth");
  }

  /** The body to send: the non-null fields, in the order the Pusher server SDKs write them. */
  public String toJson() {
    ObjectNode node = PusherJson.mapper().createObjectNode();
    node.put(PusherJson.AUTH, auth);
    if (channelData != null) {
      node.put(PusherJson.CHANNEL_DATA, channelData);
    }
    if (sharedSecret != null) {
      node.put(PusherJson.SHARED_SECRET, sharedSecret);
    }
    if (userData != null) {
      node.put(PusherJson.USER_DATA, userData);
    }
    return PusherJson.string(node);
  }

  /** The fields, with the shared secret hidden. */
  @Override
  public String toString() {
    return "AuthResponse[auth="
        + auth
        + (channelData == null ? "" : ", channelData=" + channelData)
        + (sharedSecret == null ? "" : ", sharedSecret=hidden")
        + (userData == null ? "" : ", userData=" + userData)
        + "]";
  }
}
