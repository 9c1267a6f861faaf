package dev.herald;

import static dev.herald.ChannelAuthorizerTest.KEY;
import static dev.herald.ChannelAuthorizerTest.MASTER_KEY;
import static dev.herald.ChannelAuthorizerTest.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pusher.rest.Pusher;
import com.pusher.rest.data.PresenceUser;
import dev.herald.pusher.PusherJson;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Compares every channel authorization with the official {@code pusher-http-java} 1.3.4's {@code
 * Pusher#authenticate}, so our signing cannot be wrong on both sides at once.
 */
class ChannelAuthorizerPusherHttpJavaTest {
  private static final String SOCKET = "98765.4321";

  private final Pusher pusher =
      new Pusher("1", KEY, SECRET, Base64.getEncoder().encodeToString(MASTER_KEY));

  private final ChannelAuthorizer<String> authorizer =
      ChannelAuthorizer.<String>builder(KEY, SECRET)
          .channel("orders.{orderId}", (user, params) -> true)
          .presence(
              "chat.{roomId}",
              (user, params) ->
                  Optional.of(new PresenceMember(user, Map.of("name", "Ada", "age", 36))))
          .presence("lobby", (user, params) -> Optional.of(PresenceMember.of(user)))
          .encryptionMasterKeyBase64(Base64.getEncoder().encodeToString(MASTER_KEY))
          .build();

  @Test
  void privateChannelResponsesAreIdentical() {
    assertThat(authorizer.authorize("7", SOCKET, "private-orders.42").toJson())
        .isEqualTo(pusher.authenticate(SOCKET, "private-orders.42"));
  }

  @Test
  void encryptedChannelResponsesCarryTheSameSignatureAndSharedSecret() throws Exception {
    JsonNode ours = json(authorizer.authorize("7", SOCKET, "private-encrypted-orders.42").toJson());
    JsonNode theirs = json(pusher.authenticate(SOCKET, "private-encrypted-orders.42"));

    assertThat(ours.get("auth")).isEqualTo(theirs.get("auth"));
    // pusher-http-java writes base64 without padding; pusher-http-node (the reference) pads, and
    // so do we. The key is the same.
    assertThat(Base64.getDecoder().decode(ours.get("shared_secret").asText()))
        .hasSize(32)
        .isEqualTo(Base64.getDecoder().decode(theirs.get("shared_secret").asText()));
    assertThat(ours.get("shared_secret").asText()).endsWith("=");
  }

  @Test
  void presenceChannelResponsesAreIdentical() throws Exception {
    String ours = authorizer.authorize("7", SOCKET, "presence-chat.1").toJson();
    String theirs =
        pusher.authenticate(
            SOCKET, "presence-chat.1", new PresenceUser("7", Map.of("name", "Ada", "age", 36)));

    assertThat(json(ours)).isEqualTo(json(theirs));
  }

  @Test
  void presenceWithoutUserInfoIsIdentical() throws Exception {
    String ours = authorizer.authorize("7", SOCKET, "presence-lobby").toJson();
    String theirs = pusher.authenticate(SOCKET, "presence-lobby", new PresenceUser("7"));

    assertThat(ours).isEqualTo(theirs);
  }

  private static JsonNode json(String text) throws Exception {
    return PusherJson.mapper().readTree(text);
  }
}
