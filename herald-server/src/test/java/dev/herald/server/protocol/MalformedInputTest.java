package dev.herald.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.server.testing.FakeConnection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MalformedInputTest {
  private final ProtocolFixture f = new ProtocolFixture();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "[1,2]",
        "\"text\"",
        "{}",
        "{\"event\":42}",
        "{\"event\":\"\"}",
        "{\"event\":\"pusher:subscribe\"}",
        "{\"event\":\"pusher:subscribe\",\"data\":[]}",
        "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":5}}",
        "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"private-x\",\"auth\":7}}",
        "{\"event\":\"pusher:unsubscribe\",\"data\":{}}",
        "{\"event\":\"pusher:subscribe\",\"channel\":{},\"data\":{}}",
        "{\"event\":\"pusher_internal:subscription_succeeded\",\"data\":{}}",
        "{\"event\":\"pusher:whatever\",\"data\":{}}",
        "{\"event\":\"my-event\",\"channel\":\"x\",\"data\":{}}"
      })
  void answersWith4300AndKeepsTheConnectionWorking(String message) {
    FakeConnection conn = f.connect();
    f.send(conn, message);
    var error = conn.last("pusher:error").get("data");
    assertThat(error.get("code").asInt()).isEqualTo(4300);
    assertThat(error.get("message").asText()).isNotBlank();
    assertThat(conn.closedWith).isNull();
    conn.clear();
    f.send(conn, "{\"event\":\"pusher:ping\",\"data\":{}}");
    assertThat(conn.events()).containsExactly("pusher:pong");
  }
}
