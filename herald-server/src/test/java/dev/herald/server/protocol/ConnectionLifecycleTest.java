package dev.herald.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.server.testing.FakeConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionLifecycleTest {
  private final ProtocolFixture f = new ProtocolFixture();

  @Test
  void sendsConnectionEstablishedWithSocketIdAndActivityTimeout() {
    FakeConnection conn =
        new FakeConnection(
            ProtocolFixture.APP, f.protocol.newSocketId(), f.protocol.newState(), null);
    f.protocol.onOpen(conn);
    var message = conn.last("pusher:connection_established");
    assertThat(message.get("data").isTextual()).as("data is a JSON string").isTrue();
    var data = FakeConnection.data(message);
    assertThat(data.get("socket_id").asText()).matches("^\\d+\\.\\d+$");
    assertThat(data.get("activity_timeout").asInt()).isEqualTo(30);
  }

  @Test
  void socketIdsAreUniqueAndWellFormed() {
    var ids = new java.util.HashSet<String>();
    for (int i = 0; i < 10_000; i++) {
      String id = f.protocol.newSocketId();
      assertThat(id).matches("^\\d+\\.\\d+$");
      ids.add(id);
    }
    assertThat(ids).hasSize(10_000);
  }

  @Test
  void answersPingWithPong() {
    FakeConnection conn = f.connect();
    f.send(conn, "{\"event\":\"pusher:ping\",\"data\":{}}");
    assertThat(conn.received).containsExactly("{\"event\":\"pusher:pong\",\"data\":{}}");
  }

  @Test
  void rejectsHandshakesInTheDocumentedOrderWithTheDocumentedCodes() {
    assertAdmitFails("/foo/app-key", "7", PusherError.PATH_NOT_FOUND);
    assertAdmitFails("/app/unknown", "7", PusherError.APP_NOT_FOUND);
    assertAdmitFails("/app/off-key", "7", PusherError.APP_DISABLED);
    assertAdmitFails("/app/app-key", null, PusherError.NO_PROTOCOL);
    assertAdmitFails("/app/app-key", "seven", PusherError.INVALID_VERSION);
    assertAdmitFails("/app/app-key", "3", PusherError.UNSUPPORTED_PROTOCOL);
    assertAdmitFails("/app/app-key", "8", PusherError.UNSUPPORTED_PROTOCOL);
    for (String version : List.of("5", "6", "7")) {
      assertThat(f.protocol.admit("/app/app-key", Map.of("protocol", List.of(version))))
          .isEqualTo(ProtocolFixture.APP);
    }
  }

  @Test
  void enforcesTheConnectionQuotaAndFreesSlotsOnClose() {
    FakeConnection first = f.connect(ProtocolFixture.SMALL);
    f.connect(ProtocolFixture.SMALL);
    assertAdmitFails("/app/small-key", "7", PusherError.OVER_CONNECTION_QUOTA);
    f.protocol.onClose(first);
    f.protocol.onClose(first); // closing twice frees one slot only
    assertThat(f.protocol.openConnections("4")).isEqualTo(1);
    assertThat(f.connect(ProtocolFixture.SMALL)).isNotNull();
    assertAdmitFails("/app/small-key", "7", PusherError.OVER_CONNECTION_QUOTA);
  }

  @Test
  void pingsAfterActivityTimeoutAndClosesWith4201WithoutPong() {
    FakeConnection conn = f.connect();
    f.clock.advance(Duration.ofSeconds(29));
    f.protocol.checkLiveness(conn);
    assertThat(conn.received).isEmpty();
    f.clock.advance(Duration.ofSeconds(1));
    f.protocol.checkLiveness(conn);
    assertThat(conn.events()).containsExactly("pusher:ping");
    f.clock.advance(Duration.ofSeconds(29));
    f.protocol.checkLiveness(conn);
    assertThat(conn.closedWith).isNull();
    assertThat(conn.events()).containsExactly("pusher:ping");
    f.clock.advance(Duration.ofSeconds(1));
    f.protocol.checkLiveness(conn);
    assertThat(conn.closedWith).isEqualTo(PusherError.PONG_TIMEOUT);
  }

  @Test
  void anyInboundFrameCountsAsActivity() {
    FakeConnection conn = f.connect();
    f.clock.advance(Duration.ofSeconds(30));
    f.protocol.checkLiveness(conn);
    f.clock.advance(Duration.ofSeconds(20));
    f.protocol.onActivity(conn); // e.g. a WebSocket control ping or pong
    f.clock.advance(Duration.ofSeconds(20));
    f.protocol.checkLiveness(conn);
    assertThat(conn.closedWith).isNull();
    f.send(conn, "{\"event\":\"pusher:pong\",\"data\":{}}");
    f.clock.advance(Duration.ofSeconds(29));
    f.protocol.checkLiveness(conn);
    assertThat(conn.events()).containsExactly("pusher:ping");
  }

  private void assertAdmitFails(String path, String protocol, PusherError expected) {
    Map<String, List<String>> query =
        protocol == null ? Map.of() : Map.of("protocol", List.of(protocol));
    assertThatThrownBy(() -> f.protocol.admit(path, query))
        .isInstanceOfSatisfying(
            PusherException.class,
            e -> {
              assertThat(e.error()).isEqualTo(expected);
              assertThat(e.closes()).isTrue();
            });
  }
}
