package dev.herald;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.PusherJson;
import dev.herald.pusher.SecretBox;
import dev.herald.pusher.Signatures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelAuthorizerTest {
  /** The Pusher docs' credentials (protocol reference §1.9). */
  static final String KEY = "278d425bdf160c739803";

  static final String SECRET = "7ad3773142a6692b25b8";
  static final String SOCKET = "1234.1234";
  static final byte[] MASTER_KEY = new byte[32];

  static {
    for (int i = 0; i < MASTER_KEY.length; i++) {
      MASTER_KEY[i] = (byte) (i * 7 + 1);
    }
  }

  record User(String id, String name, Set<String> orders) {}

  static final User ALICE = new User("1", "Alice", Set.of("42"));

  private final ChannelAuthorizer<User> authorizer =
      ChannelAuthorizer.<User>builder(KEY, SECRET)
          .channel("foobar", (user, params) -> true)
          .channel(
              "orders.{orderId}", (user, params) -> user.orders().contains(params.get("orderId")))
          .presence(
              "chat.{roomId}",
              (user, params) ->
                  Optional.of(new PresenceMember(user.id(), Map.of("name", user.name()))))
          .encryptionMasterKey(MASTER_KEY)
          .build();

  @Test
  void signsThePusherDocsPrivateChannelVector() {
    AuthResponse response = authorizer.authorize(ALICE, SOCKET, "private-foobar");

    assertThat(response.toJson())
        .isEqualTo(
            "{\"auth\":\"278d425bdf160c739803:"
                + "58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4\"}");
  }

  @Test
  void passesPatternParamsToTheRule() {
    assertThat(authorizer.authorize(ALICE, SOCKET, "private-orders.42").auth())
        .isEqualTo(Signatures.channelAuth(KEY, SECRET, SOCKET, "private-orders.42", null));
    assertThatThrownBy(() -> authorizer.authorize(ALICE, SOCKET, "private-orders.43"))
        .isInstanceOfSatisfying(
            AuthorizationDeniedException.class,
            denied -> {
              assertThat(denied.channel()).isEqualTo("private-orders.43");
              assertThat(denied.reason()).contains("orders.{orderId}");
              assertThat(denied.getMessage()).doesNotContain(SECRET);
            });
  }

  @Test
  void signsPresenceChannelsOverTheExactChannelDataItReturns() throws Exception {
    AuthResponse response = authorizer.authorize(ALICE, SOCKET, "presence-chat.7");

    assertThat(response.channelData())
        .isEqualTo("{\"user_id\":\"1\",\"user_info\":{\"name\":\"Alice\"}}");
    assertThat(response.auth())
        .isEqualTo(
            Signatures.channelAuth(KEY, SECRET, SOCKET, "presence-chat.7", response.channelData()));
    JsonNode json = PusherJson.mapper().readTree(response.toJson());
    assertThat(json.fieldNames()).toIterable().containsExactly("auth", "channel_data");
    assertThat(json.get("channel_data").isTextual()).as("channel_data is a JSON string").isTrue();
  }

  @Test
  void leavesOutUserInfoWhenTheMemberHasNone() {
    ChannelAuthorizer<User> bare =
        ChannelAuthorizer.<User>builder(KEY, SECRET)
            .presence("room", (user, params) -> Optional.of(PresenceMember.of(user.id())))
            .build();

    assertThat(bare.authorize(ALICE, SOCKET, "presence-room").channelData())
        .isEqualTo("{\"user_id\":\"1\"}");
  }

  @Test
  void answersEncryptedChannelsWithTheChannelsSharedSecret() throws Exception {
    AuthResponse response = authorizer.authorize(ALICE, SOCKET, "private-encrypted-orders.42");

    assertThat(response.auth())
        .as("the shared secret is not signed")
        .isEqualTo(
            Signatures.channelAuth(KEY, SECRET, SOCKET, "private-encrypted-orders.42", null));
    assertThat(Base64.getDecoder().decode(response.sharedSecret()))
        .isEqualTo(Signatures.encryptedChannelKey("private-encrypted-orders.42", MASTER_KEY));
    assertThat(PusherJson.mapper().readTree(response.toJson()).fieldNames())
        .toIterable()
        .containsExactly("auth", "shared_secret");
    assertThat(response.toString()).doesNotContain(response.sharedSecret());
    assertThatThrownBy(() -> authorizer.authorize(ALICE, SOCKET, "private-encrypted-orders.43"))
        .isInstanceOf(AuthorizationDeniedException.class);
  }

  @Test
  void theSharedSecretOpensWhatTheBroadcasterEncryptsWithTheSameMasterKey() throws Exception {
    EncryptionMasterKey masterKey = EncryptionMasterKey.of(MASTER_KEY);
    ChannelAuthorizer<User> sharing =
        ChannelAuthorizer.<User>builder(KEY, SECRET)
            .channel("inbox.{userId}", (user, params) -> user.id().equals(params.get("userId")))
            .encryptionMasterKey(masterKey)
            .build();
    String encrypted = masterKey.encrypt("private-encrypted-inbox.1", "{\"text\":\"hi\"}");

    AuthResponse response = sharing.authorize(ALICE, SOCKET, "private-encrypted-inbox.1");

    JsonNode payload = PusherJson.mapper().readTree(encrypted);
    byte[] plain =
        SecretBox.open(
                Base64.getDecoder().decode(response.sharedSecret()),
                Base64.getDecoder().decode(payload.get("nonce").asText()),
                Base64.getDecoder().decode(payload.get("ciphertext").asText()))
            .orElseThrow();
    assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo("{\"text\":\"hi\"}");
  }

  @Test
  void refusesEncryptedChannelsClearlyWithoutAMasterKey() {
    ChannelAuthorizer<User> noKey =
        ChannelAuthorizer.<User>builder(KEY, SECRET).channel("inbox", (u, p) -> true).build();

    assertThatThrownBy(() -> noKey.authorize(ALICE, SOCKET, "private-encrypted-inbox"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("encryption master key");
    assertThat(noKey.authorize(ALICE, SOCKET, "private-inbox").auth()).startsWith(KEY + ":");
  }

  @Test
  void deniesWhenNoRuleMatchesAndWhenThePresenceRuleReturnsEmpty() {
    ChannelAuthorizer<User> picky =
        ChannelAuthorizer.<User>builder(KEY, SECRET)
            .presence("chat.{roomId}", (user, params) -> Optional.empty())
            .build();

    assertThatThrownBy(() -> picky.authorize(ALICE, SOCKET, "private-chat.1"))
        .isInstanceOfSatisfying(
            AuthorizationDeniedException.class,
            denied -> assertThat(denied.reason()).isEqualTo("no rule matches this channel"));
    assertThatThrownBy(() -> picky.authorize(ALICE, SOCKET, "presence-chat.1"))
        .isInstanceOf(AuthorizationDeniedException.class)
        .hasMessageContaining("presence-chat.1");
  }

  @Test
  void privateRulesDoNotAnswerPresenceChannelsNorTheOtherWayRound() {
    assertThatThrownBy(() -> authorizer.authorize(ALICE, SOCKET, "presence-orders.42"))
        .isInstanceOf(AuthorizationDeniedException.class);
    assertThatThrownBy(() -> authorizer.authorize(ALICE, SOCKET, "private-chat.7"))
        .isInstanceOf(AuthorizationDeniedException.class);
  }

  @Test
  void theFirstRegisteredMatchWins() {
    List<String> asked = new ArrayList<>();
    ChannelAuthorizer<User> ordered =
        ChannelAuthorizer.<User>builder(KEY, SECRET)
            .channel("orders.{id}", (u, p) -> asked.add("first") && false)
            .channel("orders.{orderId}", (u, p) -> asked.add("second"))
            .build();

    assertThatThrownBy(() -> ordered.authorize(ALICE, SOCKET, "private-orders.1"))
        .isInstanceOf(AuthorizationDeniedException.class);
    assertThat(asked).containsExactly("first");
  }

  @Test
  void rejectsMissingOrMalformedSocketIdsAsBadRequests() {
    for (String socketId : new String[] {null, "", "1234", "1234.1234:private-other", "a.b"}) {
      assertThatThrownBy(() -> authorizer.authorize(ALICE, socketId, "private-foobar"))
          .as("socket id %s", socketId)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("socket_id");
    }
  }

  @Test
  void rejectsMissingAndPublicChannelsAsBadRequests() {
    assertThatThrownBy(() -> authorizer.authorize(ALICE, SOCKET, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("channel_name is missing");
    assertThatThrownBy(() -> authorizer.authorize(ALICE, SOCKET, "foobar"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("public channels need no authorization");
  }

  @Test
  void deniesNamesNoClientCanSubscribeTo() {
    for (String channel :
        new String[] {"private-foo:bar", "#server-to-user-1", "private-" + "x".repeat(200)}) {
      assertThatThrownBy(() -> authorizer.authorize(ALICE, SOCKET, channel))
          .as(channel)
          .isInstanceOf(AuthorizationDeniedException.class);
    }
  }

  @Test
  void rulesMayAuthorizeGuestsWhoArriveAsNull() {
    ChannelAuthorizer<User> open =
        ChannelAuthorizer.<User>builder(KEY, SECRET)
            .channel("lobby", (user, params) -> user == null)
            .build();

    assertThat(open.authorize(null, SOCKET, "private-lobby").auth()).startsWith(KEY + ":");
  }

  @Test
  void checksItsConfigurationWithoutRevealingSecrets() {
    assertThatThrownBy(() -> ChannelAuthorizer.builder(KEY, ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChannelAuthorizer.builder(null, SECRET))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> ChannelAuthorizer.builder(KEY, SECRET).encryptionMasterKey(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(
            () -> ChannelAuthorizer.builder(KEY, SECRET).encryptionMasterKeyBase64("not base64!"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("not base64!");
    assertThat(
            ChannelAuthorizer.builder(KEY, SECRET)
                .encryptionMasterKeyBase64(Base64.getEncoder().encodeToString(MASTER_KEY))
                .build()
                .toString())
        .doesNotContain(SECRET);
  }
}
