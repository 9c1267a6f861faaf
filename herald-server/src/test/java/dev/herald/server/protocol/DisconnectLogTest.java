package dev.herald.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.herald.server.lifecycle.LifecycleEvent;
import dev.herald.server.lifecycle.LifecycleEvent.ConnectionClosed;
import dev.herald.server.testing.FakeConnection;
import dev.herald.server.testing.LogRecorder;
import org.junit.jupiter.api.Test;

/** Every disconnect is logged once at DEBUG with its code and reason, and carries its code. */
class DisconnectLogTest {
  private final ProtocolFixture f = new ProtocolFixture();

  @Test
  void logsEachDisconnectOnceWithItsCodeAndReason() {
    try (LogRecorder log = new LogRecorder(PusherProtocol.class, Level.DEBUG)) {
      FakeConnection conn = f.connect();
      conn.state().closingBecause(4201, "Pong reply not received in time");

      f.protocol.onClose(conn);
      f.protocol.onClose(conn); // the transport may report a close twice

      assertThat(log.messages(Level.DEBUG))
          .filteredOn(m -> m.contains("disconnected"))
          .containsExactly(
              "app=1 socket="
                  + conn.socketId()
                  + " disconnected: 4201 Pong reply not received in time");
    }
  }

  @Test
  void aClosedConnectionSaysItsCodeOr1006WhenTheSocketJustWent() {
    assertThat(new ConnectionClosed("1", "1.1", "4201 Pong reply not received", 0).closeCode())
        .isEqualTo(4201);
    assertThat(new ConnectionClosed("1", "1.1", "1000 ", 0).closeCode()).isEqualTo(1000);
    assertThat(new ConnectionClosed("1", "1.1", "client disconnected", 0).closeCode())
        .isEqualTo(LifecycleEvent.ConnectionClosed.ABNORMAL);
  }
}
