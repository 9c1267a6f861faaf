package dev.herald.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.server.testing.FakeConnection;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientEventTest {
  private final ProtocolFixture f = new ProtocolFixture();

  @Test
  void relaysToOthersButNeverEchoesToTheSender() {
    FakeConnection sender = f.connect();
    FakeConnection other = f.connect();
    f.subscribe(sender, "private-chat");
    f.subscribe(other, "private-chat");
    sender.clear();
    other.clear();
    f.send(
        sender,
        "{\"event\":\"client-typing\",\"channel\":\"private-chat\",\"data\":{\"who\":\"me\"}}");
    assertThat(sender.received).isEmpty();
    assertThat(other.received)
        .containsExactly(
            "{\"event\":\"client-typing\",\"channel\":\"private-chat\",\"data\":{\"who\":\"me\"}}");
  }

  @Test
  void stampsTheSendersUserIdOnPresenceChannels() {
    FakeConnection sender = f.connect();
    FakeConnection other = f.connect();
    f.joinPresence(sender, "presence-chat", "{\"user_id\":\"alice\"}");
    f.joinPresence(other, "presence-chat", "{\"user_id\":\"bob\"}");
    other.clear();
    f.send(
        sender,
        "{\"event\":\"client-msg\",\"channel\":\"presence-chat\",\"data\":\"hi\",\"user_id\":\"forged\"}");
    var relayed = other.last("client-msg");
    assertThat(relayed.get("user_id").asText()).isEqualTo("alice");
    assertThat(relayed.get("data").asText()).isEqualTo("hi");
  }

  @Test
  void refusesChannelsTheSenderIsNotSubscribedToAndPublicOrEncryptedChannels() {
    FakeConnection sender = f.connect();
    FakeConnection victim = f.connect();
    f.subscribe(victim, "private-secret");
    f.subscribe(sender, "public");
    f.subscribe(sender, "private-encrypted-x");
    victim.clear();
    f.send(sender, "{\"event\":\"client-x\",\"channel\":\"private-secret\",\"data\":{}}");
    assertThat(sender.last("pusher:error").at("/data/message").asText()).contains("not subscribed");
    f.send(sender, "{\"event\":\"client-x\",\"channel\":\"public\",\"data\":{}}");
    assertThat(sender.last("pusher:error").at("/data/message").asText()).contains("private-");
    f.send(sender, "{\"event\":\"client-x\",\"channel\":\"private-encrypted-x\",\"data\":{}}");
    assertThat(sender.last("pusher:error").at("/data/message").asText()).contains("private-");
    assertThat(victim.received).isEmpty();
    assertThat(sender.closedWith).isNull();
  }

  @Test
  void refusesClientEventsWhenTheAppDisablesThem() {
    FakeConnection sender = f.connect(ProtocolFixture.NO_CLIENT_EVENTS);
    f.subscribe(sender, "private-chat");
    f.send(sender, "{\"event\":\"client-x\",\"channel\":\"private-chat\",\"data\":{}}");
    assertThat(sender.last("pusher:error").at("/data/message").asText()).contains("disabled");
  }

  @Test
  void limitsClientEventsPerSecondWith4301AndRecovers() {
    FakeConnection sender = f.connect();
    FakeConnection other = f.connect();
    f.subscribe(sender, "private-chat");
    f.subscribe(other, "private-chat");
    other.clear();
    String event = "{\"event\":\"client-x\",\"channel\":\"private-chat\",\"data\":{}}";
    for (int i = 0; i < 11; i++) {
      f.send(sender, event);
    }
    assertThat(other.received).hasSize(10);
    assertThat(sender.last("pusher:error").at("/data/code").asInt()).isEqualTo(4301);
    assertThat(sender.closedWith).isNull();
    f.clock.advance(Duration.ofMillis(200));
    f.send(sender, event);
    f.send(sender, event);
    f.send(sender, event);
    assertThat(other.received).as("2 tokens back after 200 ms").hasSize(12);
  }

  @Test
  void refusesOversizedDataAndLongNames() {
    FakeConnection sender = f.connect(ProtocolFixture.TIGHT);
    FakeConnection other = f.connect(ProtocolFixture.TIGHT);
    f.subscribe(sender, "private-chat");
    f.subscribe(other, "private-chat");
    other.clear();
    f.send(
        sender,
        "{\"event\":\"client-x\",\"channel\":\"private-chat\",\"data\":\""
            + "x".repeat(80)
            + "\"}");
    assertThat(sender.last("pusher:error").at("/data/message").asText()).contains("bytes");
    f.send(sender, "{\"event\":\"client-" + "x".repeat(30) + "\",\"channel\":\"private-chat\"}");
    assertThat(sender.last("pusher:error").at("/data/message").asText()).contains("name");
    assertThat(other.received).isEmpty();
  }

  @Test
  void relaysAnEventWithoutDataWithAnEmptyObject() {
    FakeConnection sender = f.connect();
    FakeConnection other = f.connect();
    f.subscribe(sender, "private-chat");
    f.subscribe(other, "private-chat");
    other.clear();
    f.send(sender, "{\"event\":\"client-poke\",\"channel\":\"private-chat\"}");
    assertThat(other.received)
        .containsExactly("{\"event\":\"client-poke\",\"channel\":\"private-chat\",\"data\":{}}");
  }
}
