package dev.herald.server.webhook;

import static dev.herald.server.webhook.WebhookFixture.endpoint;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.server.lifecycle.LifecycleEvent.ChannelOccupied;
import dev.herald.server.lifecycle.LifecycleEvent.ChannelVacated;
import dev.herald.server.lifecycle.LifecycleEvent.MemberAdded;
import dev.herald.server.lifecycle.LifecycleEvent.MemberRemoved;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code channel_vacated} and {@code member_removed} wait 3 s and vanish, with the arrival that
 * cancels them, when the channel or user comes back in time (protocol reference §1.12).
 */
class WebhookDelayTest {
  private final WebhookFixture f = new WebhookFixture();
  private final HttpWebhookSender sender = f.sender(endpoint("https://hooks.example.com/"));

  private List<String> sent() {
    return f.transport.events().stream().map(WebhookDelayTest::describe).toList();
  }

  private static String describe(JsonNode event) {
    String user = event.has("user_id") ? " " + event.get("user_id").asText() : "";
    return event.get("name").asText() + " " + event.get("channel").asText() + user;
  }

  @Test
  void sendsNothingWhenTheChannelIsOccupiedAgainWithinTheDelay() {
    sender.on(new ChannelOccupied("1", "orders", 0));
    f.scheduler.runDue();
    sender.on(new ChannelVacated("1", "orders", 0));
    f.scheduler.advance(Duration.ofMillis(2999));
    sender.on(new ChannelOccupied("1", "orders", 0));
    f.scheduler.advance(Duration.ofMinutes(1));

    assertThat(sent()).containsExactly("channel_occupied orders");
  }

  @Test
  void sendsChannelVacatedOnlyOnceTheDelayHasPassed() {
    sender.on(new ChannelVacated("1", "orders", 0));
    f.scheduler.advance(Duration.ofMillis(2999));
    assertThat(sent()).isEmpty();

    f.scheduler.advance(Duration.ofMillis(1));
    assertThat(sent()).containsExactly("channel_vacated orders");
    assertThat(f.transport.posted().get(0).body().get("time_ms").asLong())
        .isEqualTo(f.now()); // stamped when sent, not when the channel emptied
  }

  @Test
  void reportsAnOccupationAfterTheDelayAfterTheVacation() {
    sender.on(new ChannelVacated("1", "orders", 0));
    f.scheduler.advance(Duration.ofSeconds(3));
    sender.on(new ChannelOccupied("1", "orders", 0));
    f.scheduler.runDue();

    assertThat(sent()).containsExactly("channel_vacated orders", "channel_occupied orders");
  }

  @Test
  void anotherChannelComingBackDoesNotCancelTheVacation() {
    sender.on(new ChannelVacated("1", "orders", 0));
    sender.on(new ChannelOccupied("1", "orders-2", 0));
    f.scheduler.advance(Duration.ofSeconds(3));

    assertThat(sent()).containsExactly("channel_occupied orders-2", "channel_vacated orders");
  }

  @Test
  void sendsNothingWhenTheSameUserIsAddedAgainWithinTheDelay() {
    sender.on(new MemberRemoved("1", "presence-room", "u1", 0));
    f.scheduler.advance(Duration.ofSeconds(1));
    sender.on(new MemberAdded("1", "presence-room", "u1", 0));
    f.scheduler.advance(Duration.ofMinutes(1));

    assertThat(sent()).isEmpty();
  }

  @Test
  void sendsBothWhenAnotherUserIsAddedWithinTheDelay() {
    sender.on(new MemberRemoved("1", "presence-room", "u1", 0));
    f.scheduler.advance(Duration.ofSeconds(1));
    sender.on(new MemberAdded("1", "presence-room", "u2", 0));
    f.scheduler.advance(Duration.ofSeconds(2));

    assertThat(sent())
        .containsExactly("member_added presence-room u2", "member_removed presence-room u1");
  }

  @Test
  void theSameUserInAnotherChannelDoesNotCancelTheRemoval() {
    sender.on(new MemberRemoved("1", "presence-a", "u1", 0));
    sender.on(new MemberAdded("1", "presence-b", "u1", 0));
    f.scheduler.advance(Duration.ofSeconds(3));

    assertThat(sent())
        .containsExactly("member_added presence-b u1", "member_removed presence-a u1");
  }

  @Test
  void aChannelComingBackDoesNotCancelAMemberRemovalAndViceVersa() {
    sender.on(new MemberRemoved("1", "presence-a", "u1", 0));
    sender.on(new ChannelOccupied("1", "presence-a", 0));
    f.scheduler.advance(Duration.ofSeconds(3));

    assertThat(sent())
        .containsExactly("channel_occupied presence-a", "member_removed presence-a u1");
  }

  @Test
  void anEarlierTimerDoesNotReleaseALaterVacationEarly() {
    sender.on(new ChannelVacated("1", "orders", 0));
    f.scheduler.advance(Duration.ofSeconds(1));
    sender.on(new ChannelOccupied("1", "orders", 0));
    f.scheduler.advance(Duration.ofSeconds(1));
    sender.on(new ChannelVacated("1", "orders", 0)); // held until 5 s

    f.scheduler.advance(Duration.ofMillis(2999)); // past the first timer (3 s)
    assertThat(sent()).isEmpty();

    f.scheduler.advance(Duration.ofMillis(1));
    assertThat(sent()).containsExactly("channel_vacated orders");
  }

  @Test
  void aConfiguredDelayReplacesTheThreeSeconds() {
    WebhookSettings d = WebhookSettings.DEFAULTS;
    WebhookSettings halfSecond =
        new WebhookSettings(
            Duration.ofMillis(500),
            d.initialBackoff(),
            d.maxBackoff(),
            d.retryFor(),
            d.requestTimeout(),
            d.capacity(),
            d.maxBatchEvents(),
            d.deliveryThreads(),
            d.closeTimeout());
    HttpWebhookSender quick =
        f.sender(
            halfSecond, WebhookFixture.app(Duration.ZERO, endpoint("https://hooks.example.com/")));

    quick.on(new ChannelVacated("1", "orders", 0));
    f.scheduler.advance(Duration.ofMillis(500));

    assertThat(sent()).containsExactly("channel_vacated orders");
  }

  @Test
  void closingSendsTheHeldDeparturesAtOnce() {
    sender.on(new ChannelVacated("1", "orders", 0));
    sender.on(new MemberRemoved("1", "presence-room", "u1", 0));

    sender.close();

    assertThat(sent())
        .containsExactlyInAnyOrder("channel_vacated orders", "member_removed presence-room u1");
    assertThat(sender.deliveredRequests()).isEqualTo(2);
  }
}
