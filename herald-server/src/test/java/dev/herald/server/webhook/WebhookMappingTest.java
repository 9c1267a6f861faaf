package dev.herald.server.webhook;

import static dev.herald.server.webhook.WebhookFixture.endpoint;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.PusherJson;
import dev.herald.pusher.Signatures;
import dev.herald.server.app.App;
import dev.herald.server.app.Webhook;
import dev.herald.server.lifecycle.LifecycleEvent.CacheMiss;
import dev.herald.server.lifecycle.LifecycleEvent.ChannelOccupied;
import dev.herald.server.lifecycle.LifecycleEvent.ChannelVacated;
import dev.herald.server.lifecycle.LifecycleEvent.ClientEventSent;
import dev.herald.server.lifecycle.LifecycleEvent.ConnectionClosed;
import dev.herald.server.lifecycle.LifecycleEvent.ConnectionOpened;
import dev.herald.server.lifecycle.LifecycleEvent.MemberAdded;
import dev.herald.server.lifecycle.LifecycleEvent.MemberRemoved;
import dev.herald.server.lifecycle.LifecycleEvent.Subscribed;
import dev.herald.server.lifecycle.LifecycleEvent.SubscriptionCountChanged;
import dev.herald.server.lifecycle.LifecycleEvent.Unsubscribed;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What each lifecycle event becomes, which endpoints get it, and how requests are signed. */
class WebhookMappingTest {
  private final WebhookFixture f = new WebhookFixture();
  private final HttpWebhookSender sender = f.sender(endpoint("https://hooks.example.com/pusher"));

  private JsonNode json(String text) throws IOException {
    return PusherJson.mapper().readTree(text);
  }

  private JsonNode onlyEvent() {
    f.scheduler.runDue();
    assertThat(f.transport.posted()).hasSize(1);
    return f.transport.posted().get(0).events().get(0);
  }

  @Test
  void sendsChannelOccupiedWithTheChannelInABodyStampedWithTheTime() throws IOException {
    sender.on(new ChannelOccupied("1", "orders", 5));
    f.scheduler.runDue();

    assertThat(f.transport.posted()).hasSize(1);
    assertThat(f.transport.posted().get(0).body())
        .isEqualTo(
            json(
                "{\"time_ms\":"
                    + f.now()
                    + ",\"events\":[{\"name\":\"channel_occupied\",\"channel\":\"orders\"}]}"));
  }

  @Test
  void sendsChannelVacatedWithTheChannelOnceTheDelayHasPassed() throws IOException {
    sender.on(new ChannelVacated("1", "orders", 5));
    f.scheduler.advance(Duration.ofSeconds(3));

    assertThat(onlyEvent())
        .isEqualTo(json("{\"name\":\"channel_vacated\",\"channel\":\"orders\"}"));
  }

  @Test
  void sendsMemberAddedAndRemovedWithTheUserId() throws IOException {
    sender.on(new MemberAdded("1", "presence-room", "u1", 5));
    sender.on(new MemberRemoved("1", "presence-room", "u2", 5));
    f.scheduler.advance(Duration.ofSeconds(3));

    assertThat(f.transport.events())
        .containsExactly(
            json("{\"name\":\"member_added\",\"channel\":\"presence-room\",\"user_id\":\"u1\"}"),
            json("{\"name\":\"member_removed\",\"channel\":\"presence-room\",\"user_id\":\"u2\"}"));
  }

  @Test
  void sendsClientEventsWithDataAsAStringAndUserIdOnlyOnPresenceChannels() throws IOException {
    sender.on(new ClientEventSent("1", "private-a", "client-typing", "{\"x\":1}", "1.2", null, 5));
    sender.on(new ClientEventSent("1", "presence-b", "client-hi", "\"hey\"", "3.4", "u7", 5));
    f.scheduler.runDue();

    assertThat(f.transport.events())
        .containsExactly(
            json(
                "{\"name\":\"client_event\",\"channel\":\"private-a\",\"event\":\"client-typing\","
                    + "\"data\":\"{\\\"x\\\":1}\",\"socket_id\":\"1.2\"}"),
            json(
                "{\"name\":\"client_event\",\"channel\":\"presence-b\",\"event\":\"client-hi\","
                    + "\"data\":\"\\\"hey\\\"\",\"socket_id\":\"3.4\",\"user_id\":\"u7\"}"));
  }

  @Test
  void sendsCacheMissAndSubscriptionCount() throws IOException {
    sender.on(new CacheMiss("1", "cache-prices", 5));
    sender.on(new SubscriptionCountChanged("1", "orders", 12, 5));
    f.scheduler.runDue();

    assertThat(f.transport.events())
        .containsExactly(
            json("{\"name\":\"cache_miss\",\"channel\":\"cache-prices\"}"),
            json(
                "{\"name\":\"subscription_count\",\"channel\":\"orders\",\"subscription_count\":12}"));
  }

  @Test
  void ignoresConnectionAndSubscriptionEvents() {
    sender.on(new ConnectionOpened("1", "1.2", 5));
    sender.on(new Subscribed("1", "1.2", "orders", 5));
    sender.on(new Unsubscribed("1", "1.2", "orders", 5));
    sender.on(new ConnectionClosed("1", "1.2", "client", 5));
    f.scheduler.advance(Duration.ofMinutes(1));

    assertThat(f.transport.posted()).isEmpty();
  }

  @Test
  void ignoresAppsWithoutWebhooksAndUnknownApps() {
    HttpWebhookSender quiet =
        f.sender(WebhookSettings.DEFAULTS, App.of("2", "other-key", "other-secret"));

    quiet.on(new ChannelOccupied("2", "orders", 5));
    quiet.on(new ChannelOccupied("nope", "orders", 5));
    f.scheduler.runDue();

    assertThat(f.transport.posted()).isEmpty();
    assertThat(quiet.droppedEvents()).isZero();
  }

  @Test
  void signsTheExactBodyBytesWithTheAppSecretAndSendsTheKey() {
    sender.on(new ChannelOccupied("1", "orders", 5));
    f.scheduler.runDue();

    WebhookRequest request = f.transport.posted().get(0).request();
    String expected =
        HexFormat.of().formatHex(Signatures.hmacSha256(WebhookFixture.SECRET, request.body()));
    assertThat(request.headers())
        .containsEntry("X-Pusher-Signature", expected)
        .containsEntry("X-Pusher-Key", WebhookFixture.KEY)
        .containsEntry("Content-Type", "application/json");
    assertThat(request.url()).isEqualTo(URI.create("https://hooks.example.com/pusher"));
  }

  @Test
  void addsTheEndpointHeadersButNeverLetsThemReplaceTheSignature() {
    Webhook webhook =
        new Webhook(
            URI.create("https://hooks.example.com/x"),
            Set.of(),
            null,
            null,
            Map.of("Authorization", "Bearer t", "x-pusher-signature", "forged"));
    HttpWebhookSender withHeaders = f.sender(webhook);

    withHeaders.on(new ChannelOccupied("1", "orders", 5));
    f.scheduler.runDue();

    Map<String, String> headers = f.transport.posted().get(0).request().headers();
    assertThat(headers).containsEntry("Authorization", "Bearer t");
    assertThat(headers.values()).doesNotContain("forged");
    assertThat(headers.keySet().stream().filter(h -> h.equalsIgnoreCase("X-Pusher-Signature")))
        .hasSize(1);
  }

  @Test
  void sendsEachEndpointOnlyTheEventTypesItAsksFor() {
    HttpWebhookSender filtered =
        f.sender(
            endpoint("https://a.example.com/", "channel_occupied"),
            endpoint("https://b.example.com/", "client_event", "member_added"));

    filtered.on(new ChannelOccupied("1", "private-a", 5));
    filtered.on(new ClientEventSent("1", "private-a", "client-x", "{}", "1.2", null, 5));
    filtered.on(new CacheMiss("1", "cache-a", 5));
    f.scheduler.runDue();

    assertThat(f.transport.posted())
        .extracting(p -> p.request().url().getHost() + " " + p.events().get(0).get("name").asText())
        .containsExactly("a.example.com channel_occupied", "b.example.com client_event");
  }

  @Test
  void filtersByChannelPrefixAndSuffix() {
    Webhook presence =
        new Webhook(URI.create("https://p.example.com/"), Set.of(), "presence-", null, Map.of());
    Webhook admins =
        new Webhook(URI.create("https://s.example.com/"), Set.of(), null, "-admins", Map.of());
    HttpWebhookSender filtered = f.sender(presence, admins);

    for (String channel : List.of("presence-room", "private-admins", "presence-admins", "x")) {
      filtered.on(new ChannelOccupied("1", channel, 5));
    }
    f.scheduler.runDue();

    assertThat(f.transport.posted())
        .extracting(
            p -> p.request().url().getHost() + " " + p.events().get(0).get("channel").asText())
        .containsExactly(
            "p.example.com presence-room",
            "s.example.com private-admins",
            "p.example.com presence-admins",
            "s.example.com presence-admins");
  }
}
