package dev.herald;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resolving events into broadcasts: defaults, serialization, validation. */
class BroadcastTest {
  private static final Channel ORDERS = Channel.publicChannel("orders");

  record OrderShipped(long orderId, Instant shippedAt) implements BroadcastEvent {
    @Override
    public List<Channel> broadcastOn() {
      return List.of(ORDERS, Channel.privateChannel("orders." + orderId), ORDERS);
    }
  }

  static final class Unserializable implements BroadcastEvent {
    @Override
    public List<Channel> broadcastOn() {
      return List.of(ORDERS);
    }
  }

  @Test
  void resolvesAnEventWithItsDefaultsAndDatesAsIsoStrings() {
    Broadcast b = Broadcast.of(new OrderShipped(42, Instant.parse("2025-01-02T03:04:05Z")));
    assertThat(b.name()).isEqualTo("OrderShipped");
    assertThat(b.data()).isEqualTo("{\"orderId\":42,\"shippedAt\":\"2025-01-02T03:04:05Z\"}");
    assertThat(b.channels()).containsExactly(ORDERS, Channel.of("private-orders.42"));
    assertThat(b.event()).isInstanceOf(OrderShipped.class);
    assertThat(b.socketId()).isNull();
  }

  @Test
  void serializesWithTheAppsOwnMapperWhenGivenOne() {
    ObjectMapper snake =
        new ObjectMapper()
            .findAndRegisterModules()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    Broadcast b = Broadcast.of(new OrderShipped(1, Instant.EPOCH), snake);
    assertThat(b.data()).startsWith("{\"order_id\":1,");
  }

  @Test
  void refusesAPayloadJacksonCannotSerializeNamingTheEvent() {
    assertThatThrownBy(() -> Broadcast.of(new Unserializable()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Unserializable' cannot be serialized");
  }

  @Test
  void refusesEmptyOrOverlongNames() {
    assertThatThrownBy(() -> Broadcast.of(List.of(ORDERS), "", "{}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 200");
    assertThatThrownBy(() -> Broadcast.of(List.of(ORDERS), "n".repeat(201), "{}"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void namesTheEventItsClassAndBothSizesWhenTooLarge() {
    Broadcast b = Broadcast.of(new OrderShipped(1, Instant.EPOCH));
    assertThatThrownBy(() -> b.requireDataWithin(10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("event 'OrderShipped' (dev.herald.BroadcastTest$OrderShipped)")
        .hasMessageContaining("has " + b.dataBytes() + " bytes of data; the limit is 10 bytes");
  }

  @Test
  void buildsAnonymousEventsImmutably() {
    FakeBroadcaster fake = new FakeBroadcaster();
    AnonymousEvent base = fake.on(ORDERS).as("tick");
    AnonymousEvent one = base.with(Map.of("n", 1));
    AnonymousEvent two = base.with(Map.of("n", 2)).toOthers("1.2");
    assertThat(one.broadcast().data()).isEqualTo("{\"n\":1}");
    assertThat(two.broadcast().data()).isEqualTo("{\"n\":2}");
    assertThat(two.broadcast().socketId()).isEqualTo("1.2");
    assertThat(base.broadcast().data()).isEqualTo("{}");
    assertThat(fake.on(ORDERS).broadcast().name()).isEqualTo("AnonymousEvent");
  }

  @Test
  void sendsToAUserThroughTheUsersInternalChannel() {
    FakeBroadcaster fake = new FakeBroadcaster();
    fake.toUser("42").as("notice").with(Map.of("text", "hi")).send().join();
    fake.assertBroadcastOn(Channel.user("42"), "notice");
  }
}
