package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.pusher.Signatures;
import org.junit.jupiter.api.Test;

class SubscriptionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aPrivateChannelSubscriptionCarriesAnAuthTheServerSideCheckAccepts() throws Exception {
    String text = new Subscription("private-bench", "k", "s").message("123.456");
    JsonNode data = JSON.readTree(text).path("data");
    assertThat(JSON.readTree(text).path("event").asText()).isEqualTo("pusher:subscribe");
    assertThat(data.path("channel").asText()).isEqualTo("private-bench");
    String signing = Signatures.channelSigningString("123.456", "private-bench", null);
    assertThat(Signatures.verifyAuth("k", "s", signing, data.path("auth").asText())).isTrue();
  }

  @Test
  void aPublicChannelSubscriptionHasNoAuth() throws Exception {
    String text = new Subscription("bench", "k", "s").message("1.2");
    assertThat(JSON.readTree(text).path("data").has("auth")).isFalse();
  }

  @Test
  void readsTheSocketIdFromConnectionEstablished() {
    String established =
        "{\"event\":\"pusher:connection_established\","
            + "\"data\":\"{\\\"socket_id\\\":\\\"7.8\\\",\\\"activity_timeout\\\":120}\"}";
    assertThat(Subscription.socketId(established)).isEqualTo("7.8");
  }
}
