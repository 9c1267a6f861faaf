package dev.herald.server.webhook;

import static dev.herald.server.webhook.WebhookFixture.endpoint;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.WebhookEvent;
import dev.herald.server.lifecycle.LifecycleEvent.ChannelOccupied;
import dev.herald.server.lifecycle.LifecycleEvent.ChannelVacated;
import dev.herald.server.lifecycle.LifecycleEvent.MemberAdded;
import dev.herald.server.lifecycle.LifecycleEvent.MemberRemoved;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The comeback delay when a cluster decides it: an arrival that came back to a departure held on
 * another node is not reported, and a held departure is sent only if the cluster says it is still
 * due (or cannot tell).
 */
class ClusterComebackTest {
  private final WebhookFixture f = new WebhookFixture();
  private final FakeCluster cluster = new FakeCluster();
  private final HttpWebhookSender sender =
      f.sender(cluster, endpoint("https://hooks.example.com/"));

  /** Comebacks as the cluster answers them; records what was asked. */
  private static final class FakeCluster implements Comebacks {
    boolean comeback;
    CompletableFuture<Boolean> due = CompletableFuture.completedFuture(true);
    final List<String> asked = new ArrayList<>();

    @Override
    public boolean shared() {
      return true;
    }

    @Override
    public boolean cancelledADeparture(String appId, WebhookEvent arrival) {
      asked.add("arrived " + arrival.name());
      return comeback;
    }

    @Override
    public CompletableFuture<Boolean> stillDue(String appId, WebhookEvent departure) {
      asked.add("due " + departure.name());
      return due;
    }
  }

  private List<String> sent() {
    return f.transport.events().stream().map(ClusterComebackTest::describe).toList();
  }

  private static String describe(JsonNode event) {
    String user = event.has("user_id") ? " " + event.get("user_id").asText() : "";
    return event.get("name").asText() + " " + event.get("channel").asText() + user;
  }

  @Test
  void dropsAnArrivalThatCameBackToADepartureHeldOnAnotherNode() {
    cluster.comeback = true;
    sender.on(new ChannelOccupied("1", "orders", 0));
    sender.on(new MemberAdded("1", "presence-room", "u1", 0));
    f.scheduler.advance(Duration.ofMinutes(1));

    assertThat(sent()).isEmpty();
    assertThat(cluster.asked).containsExactly("arrived channel_occupied", "arrived member_added");
  }

  @Test
  void sendsAnArrivalThatCameBackToNothing() {
    sender.on(new ChannelOccupied("1", "orders", 0));
    f.scheduler.runDue();

    assertThat(sent()).containsExactly("channel_occupied orders");
  }

  @Test
  void dropsAHeldDepartureWhenSomebodyCameBackElsewhere() {
    cluster.due = CompletableFuture.completedFuture(false);
    sender.on(new ChannelVacated("1", "orders", 0));
    sender.on(new MemberRemoved("1", "presence-room", "u1", 0));
    f.scheduler.advance(Duration.ofSeconds(3));

    assertThat(sent()).isEmpty();
    assertThat(cluster.asked).containsExactly("due channel_vacated", "due member_removed");
  }

  @Test
  void asksTheClusterOnlyOnceTheDelayIsOver() {
    sender.on(new ChannelVacated("1", "orders", 0));
    f.scheduler.advance(Duration.ofMillis(2999));
    assertThat(cluster.asked).isEmpty();

    f.scheduler.advance(Duration.ofMillis(1));
    assertThat(cluster.asked).containsExactly("due channel_vacated");
    assertThat(sent()).containsExactly("channel_vacated orders");
  }

  @Test
  void sendsAHeldDepartureWhenTheClusterCannotTell() {
    cluster.due = CompletableFuture.failedFuture(new IllegalStateException("Redis is away"));
    sender.on(new ChannelVacated("1", "orders", 0));
    f.scheduler.advance(Duration.ofSeconds(3));

    assertThat(sent()).containsExactly("channel_vacated orders");
  }

  @Test
  void stillCancelsADepartureHeldOnThisNodeWhenTheClusterCouldNotTell() {
    sender.on(new ChannelVacated("1", "orders", 0));
    f.scheduler.advance(Duration.ofSeconds(1));
    sender.on(new ChannelOccupied("1", "orders", 0)); // the cluster did not see it (Redis away)
    f.scheduler.advance(Duration.ofMinutes(1));

    assertThat(sent()).isEmpty();
  }

  @Test
  void closingSendsOnlyTheHeldDeparturesTheClusterSaysAreDue() {
    sender.on(new ChannelVacated("1", "orders", 0));
    cluster.due = CompletableFuture.completedFuture(false);

    sender.close();

    assertThat(sent()).isEmpty();
    assertThat(cluster.asked).containsExactly("due channel_vacated");
  }
}
