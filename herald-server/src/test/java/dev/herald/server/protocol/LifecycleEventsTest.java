package dev.herald.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.server.lifecycle.LifecycleEvent;
import dev.herald.server.testing.FakeConnection;
import org.junit.jupiter.api.Test;

class LifecycleEventsTest {
  private final ProtocolFixture f = new ProtocolFixture();

  @Test
  void reportsConnectionsSubscriptionsChannelsAndMembersInOrder() {
    FakeConnection conn = f.connect();
    f.joinPresence(conn, "presence-room", "{\"user_id\":\"ann\"}");
    conn.state().closingBecause(4201, "Pong reply not received in time");
    f.protocol.onClose(conn);
    long t = f.clock.millis();
    String s = conn.socketId();
    assertThat(f.events)
        .containsExactly(
            new LifecycleEvent.ConnectionOpened("1", s, t),
            new LifecycleEvent.Subscribed("1", s, "presence-room", t),
            new LifecycleEvent.ChannelOccupied("1", "presence-room", t),
            new LifecycleEvent.MemberAdded("1", "presence-room", "ann", t),
            new LifecycleEvent.Unsubscribed("1", s, "presence-room", t),
            new LifecycleEvent.MemberRemoved("1", "presence-room", "ann", t),
            new LifecycleEvent.ChannelVacated("1", "presence-room", t),
            new LifecycleEvent.ConnectionClosed("1", s, "4201 Pong reply not received in time", t));
  }

  @Test
  void reportsOccupiedAndVacatedOnlyForTheFirstAndLastSubscriber() {
    FakeConnection a = f.connect();
    FakeConnection b = f.connect();
    f.subscribe(a, "news");
    f.subscribe(b, "news");
    f.protocol.onClose(a);
    assertThat(f.events).filteredOn(e -> e instanceof LifecycleEvent.ChannelOccupied).hasSize(1);
    assertThat(f.events).filteredOn(e -> e instanceof LifecycleEvent.ChannelVacated).isEmpty();
    f.protocol.onClose(b);
    assertThat(f.events).filteredOn(e -> e instanceof LifecycleEvent.ChannelVacated).hasSize(1);
    assertThat(f.events)
        .filteredOn(e -> e instanceof LifecycleEvent.SubscriptionCountChanged)
        .extracting(e -> ((LifecycleEvent.SubscriptionCountChanged) e).count())
        .containsExactly(1, 2, 1, 0);
  }

  @Test
  void reportsClientEventsWithTheirDataAsText() {
    FakeConnection a = f.connect();
    FakeConnection b = f.connect();
    f.joinPresence(a, "presence-chat", "{\"user_id\":\"ann\"}");
    f.joinPresence(b, "presence-chat", "{\"user_id\":\"bob\"}");
    f.send(a, "{\"event\":\"client-typing\",\"channel\":\"presence-chat\",\"data\":{\"on\":true}}");
    f.send(a, "{\"event\":\"client-said\",\"channel\":\"presence-chat\",\"data\":\"hi\"}");
    assertThat(f.events)
        .filteredOn(e -> e instanceof LifecycleEvent.ClientEventSent)
        .extracting(e -> ((LifecycleEvent.ClientEventSent) e).data())
        .containsExactly("{\"on\":true}", "hi");
    var sent =
        (LifecycleEvent.ClientEventSent)
            f.events.stream()
                .filter(e -> e instanceof LifecycleEvent.ClientEventSent)
                .findFirst()
                .orElseThrow();
    assertThat(sent.userId()).isEqualTo("ann");
    assertThat(sent.socketId()).isEqualTo(a.socketId());
  }
}
