package dev.herald.server.broker;

import static dev.herald.server.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.server.testing.Concurrently;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Broker} promises this node, on one node and across nodes alike: a publish
 * reaches this node's subscribers exactly once, in order, with the socket to exclude; a termination
 * reaches this node; {@link Broker#listening} completes.
 */
public abstract class BrokerContract {
  protected static final String APP = "1";
  protected static final String CHANNEL = "news";

  protected RecordingNode node;
  protected Broker broker;

  /** A new broker that delivers into {@code node}. */
  protected abstract Broker newBroker(LocalNode node);

  /**
   * Makes the broker need the channel, as the channel registry does when the node's first
   * subscriber arrives, and waits until it listens. Nothing to do on one node.
   */
  protected void listen(String appId, String channel) {}

  /**
   * Returns once everything published so far has reached this node by every path it may take
   * (across nodes, its own envelopes coming back from Redis). Nothing to do on one node.
   */
  protected void settle() {}

  @BeforeEach
  void createBroker() {
    node = new RecordingNode();
    broker = newBroker(node);
  }

  @AfterEach
  void closeBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  protected static Message message(String channel, String payload, String exceptSocketId) {
    return new Message(APP, channel, payload.getBytes(StandardCharsets.UTF_8), exceptSocketId);
  }

  @Test
  void aPublishReachesThisNodeExactlyOnce() {
    listen(APP, CHANNEL);
    Message message = message(CHANNEL, "{\"event\":\"e\"}", null);

    broker.publish(message);
    settle();

    assertThat(node.deliveries()).hasSize(1);
    Message delivered = node.deliveries().get(0);
    assertThat(delivered.appId()).isEqualTo(APP);
    assertThat(delivered.channel()).isEqualTo(CHANNEL);
    assertThat(delivered.json()).isEqualTo(message.json());
    assertThat(delivered.exceptSocketId()).isNull();
  }

  @Test
  void aPublishReachesThisNodeAtOnceEvenWithoutListening() {
    broker.publish(message("nobody-listens", "now", null));

    assertThat(node.payloads()).containsExactly("now");
  }

  @Test
  void theSocketToExcludeTravelsWithTheMessage() {
    listen(APP, CHANNEL);

    broker.publish(message(CHANNEL, "one", "123.456"));
    settle();

    assertThat(node.deliveries())
        .singleElement()
        .extracting(Message::exceptSocketId)
        .isEqualTo("123.456");
  }

  @Test
  void publishesArriveInTheOrderTheyWereMade() {
    listen(APP, CHANNEL);
    List<String> sent = IntStream.range(0, 20).mapToObj(i -> "m" + i).toList();

    sent.forEach(payload -> broker.publish(message(CHANNEL, payload, null)));
    settle();

    assertThat(node.payloads()).containsExactlyElementsOf(sent);
  }

  @Test
  void publishesFromManyThreadsAreEachDeliveredOnce() throws Exception {
    listen(APP, CHANNEL);
    List<String> sent = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      for (int i = 0; i < 10; i++) {
        sent.add(t + "." + i);
      }
    }

    Concurrently.run(4, 10, (t, i) -> broker.publish(message(CHANNEL, t + "." + i, null)));
    settle();

    assertThat(node.payloads()).containsExactlyInAnyOrderElementsOf(sent);
  }

  @Test
  void aTerminationReachesThisNodeOnce() {
    listen(APP, "#server-to-user-ann");

    broker.terminate(APP, "ann");
    settle();

    assertThat(node.terminations()).containsExactly(APP + "/ann");
  }

  @Test
  void listeningCompletes() {
    await(broker.listening(APP, "never-subscribed"));

    listen(APP, CHANNEL);

    assertThat(broker.listening(APP, CHANNEL)).succeedsWithin(java.time.Duration.ofSeconds(10));
  }
}
