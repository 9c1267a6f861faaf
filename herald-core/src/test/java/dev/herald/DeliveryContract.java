package dev.herald;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What a delivering {@link Broadcaster} driver promises on top of {@link BroadcasterContract}: what
 * it sends is what subscribers receive. A subclass makes the driver and a way to observe what a
 * subscriber would receive; the tests are the same for all.
 *
 * <p>Observation is as a subscriber with some socket id: a real WebSocket connection for servers,
 * or the driver's record read as such a subscriber would see it (events that leave out its socket
 * id are not seen).
 */
public abstract class DeliveryContract extends BroadcasterContract {
  private static final String MARKER = "contract-marker";

  /**
   * One event as a subscriber received it.
   *
   * @param channel the channel it arrived on
   * @param event the event name
   * @param data the data as received (encrypted on encrypted channels when the driver encrypts)
   */
  public record Delivery(String channel, String event, String data) {}

  /** Watches channels as one subscriber. */
  public interface Observer extends AutoCloseable {
    /** The socket id of the observing subscriber. */
    String socketId();

    /**
     * What arrived since the observer started, up to and including the first event named {@code
     * marker} (waiting a bounded time for it).
     */
    List<Delivery> until(String marker);

    @Override
    default void close() {}
  }

  /** Starts observing {@code channels}; events sent after this returns are seen. */
  protected abstract Observer observe(List<Channel> channels);

  /** Whether data on encrypted channels arrives encrypted (false for recording drivers). */
  protected boolean encrypts() {
    return true;
  }

  @Test
  void deliversAnEventClassUnderItsSimpleNameWithItsComponentsAsJson() {
    List<Delivery> seen = exchange(List.of(ORDERS), () -> send(new OrderShipped(42, "DHL")));
    assertThat(seen)
        .containsExactly(
            new Delivery("orders", "OrderShipped", "{\"orderId\":42,\"carrier\":\"DHL\"}"));
  }

  @Test
  void usesTheNameChannelsAndPayloadAnEventChooses() {
    List<Channel> channels = new PriceChanged("sku-1", 999, true).broadcastOn();
    List<Delivery> seen = exchange(channels, () -> send(new PriceChanged("sku-1", 999, true)));
    assertThat(seen)
        .containsExactlyInAnyOrder(
            new Delivery("prices", "price.changed", "{\"sku\":\"sku-1\"}"),
            new Delivery("private-prices", "price.changed", "{\"sku\":\"sku-1\"}"));
  }

  @Test
  void sendsNothingWhenTheEventsConditionIsFalse() {
    List<Channel> channels = new PriceChanged("sku-1", 999, false).broadcastOn();
    List<Delivery> seen = exchange(channels, () -> send(new PriceChanged("sku-1", 999, false)));
    assertThat(seen).isEmpty();
  }

  @Test
  void deliversAnAnonymousEventBuiltFluently() {
    List<Delivery> seen =
        exchange(
            List.of(ORDERS),
            () -> await(broadcaster.on(ORDERS).as("order.updated").with(Map.of("id", 7)).send()));
    assertThat(seen).containsExactly(new Delivery("orders", "order.updated", "{\"id\":7}"));
  }

  @Test
  void sendsPreEncodedDataExactlyAsGiven() {
    String json = "{\"already\":\"encoded\", \"spaces\": true}";
    List<Delivery> seen =
        exchange(
            List.of(ORDERS), () -> await(broadcaster.on(ORDERS).as("raw").withJson(json).send()));
    assertThat(seen).containsExactly(new Delivery("orders", "raw", json));
  }

  @Test
  void deliversToEveryChannelOfAnEventWithMoreChannelsThanOneRequestTakes() {
    List<Channel> channels =
        IntStream.range(0, 150).mapToObj(i -> Channel.publicChannel("fan-" + i)).toList();
    List<Delivery> seen =
        exchange(
            channels, () -> await(broadcaster.on(channels).as("fan-out").withJson("{}").send()));
    assertThat(seen)
        .extracting(Delivery::channel)
        .containsExactlyInAnyOrderElementsOf(channels.stream().map(Channel::name).toList());
  }

  @Test
  void deliversEveryEventOfABatchInOrder() {
    List<Broadcast> batch =
        IntStream.range(0, 25)
            .mapToObj(i -> Broadcast.of(List.of(ORDERS), "step", "{\"n\":" + i + "}"))
            .toList();
    List<Delivery> seen = exchange(List.of(ORDERS), () -> await(broadcaster.broadcastAll(batch)));
    assertThat(seen)
        .extracting(Delivery::data)
        .containsExactlyElementsOf(batch.stream().map(Broadcast::data).toList());
  }

  @Test
  void encryptsEventsOnEncryptedChannelsWithEachChannelsOwnKey() {
    Channel inboxA = Channel.encryptedChannel("inbox-a");
    Channel inboxB = Channel.encryptedChannel("inbox-b");
    String secret = "{\"message\":\"top secret\"}";
    List<Delivery> seen =
        exchange(
            List.of(ORDERS, inboxA, inboxB),
            () -> await(broadcaster.on(ORDERS, inboxA, inboxB).as("note").withJson(secret).send()));
    assertThat(seen).hasSize(3);
    for (Delivery delivery : seen) {
      boolean encrypted = encrypts() && !delivery.channel().equals("orders");
      if (encrypted) {
        assertThat(delivery.data()).doesNotContain("top secret");
        assertThat(MASTER_KEY.decrypt(delivery.channel(), delivery.data())).contains(secret);
      } else {
        assertThat(delivery.data()).isEqualTo(secret);
      }
    }
  }

  @Test
  void leavesOutTheSenderWhenBroadcastToOthers() {
    try (Observer observer = observe(List.of(ORDERS))) {
      await(broadcaster.broadcastToOthers(new OrderShipped(1, "UPS"), observer.socketId()));
      await(broadcaster.on(ORDERS).as("not-excluded").toOthers(null).send());
      sendMarker(List.of(ORDERS));
      assertThat(observer.until(MARKER))
          .extracting(Delivery::event)
          .containsExactly("not-excluded", MARKER);
    }
  }

  @Test
  void deliversNothingOfARefusedOversizedPayload() {
    String data = "\"" + "x".repeat(Broadcast.DEFAULT_MAX_PAYLOAD_BYTES) + "\"";
    List<Delivery> seen =
        exchange(
            List.of(ORDERS),
            () ->
                assertThatThrownBy(() -> broadcaster.on(ORDERS).as("too-big").withJson(data).send())
                    .isInstanceOf(IllegalArgumentException.class));
    assertThat(seen).isEmpty();
  }

  @Test
  void deliversAPayloadExactlyAtTheLimitUnchanged() {
    String data = atTheLimit();
    List<Delivery> seen =
        exchange(
            List.of(ORDERS), () -> await(broadcaster.on(ORDERS).as("full").withJson(data).send()));
    assertThat(seen).containsExactly(new Delivery("orders", "full", data));
  }

  @Test
  void deliversEveryBroadcastSentFromManyThreads() {
    List<Delivery> seen = exchange(List.of(ORDERS), this::fromManyThreads);
    assertThat(seen).hasSize(40).extracting(Delivery::event).containsOnly("OrderShipped");
  }

  /** Observes {@code channels}, runs {@code action}, then returns what arrived before a marker. */
  protected List<Delivery> exchange(List<Channel> channels, Runnable action) {
    try (Observer observer = observe(channels)) {
      action.run();
      sendMarker(channels);
      List<Delivery> seen = observer.until(MARKER);
      assertThat(seen).last().extracting(Delivery::event).isEqualTo(MARKER);
      return seen.subList(0, seen.size() - 1);
    }
  }

  private void sendMarker(List<Channel> channels) {
    await(broadcaster.on(channels.get(0)).as(MARKER).withJson("{}").send());
  }

  private void send(BroadcastEvent event) {
    await(broadcaster.broadcast(event));
  }
}
