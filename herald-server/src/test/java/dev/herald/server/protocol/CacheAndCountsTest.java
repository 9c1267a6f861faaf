package dev.herald.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.pusher.PusherJson;
import dev.herald.server.cache.CachedEvent;
import dev.herald.server.lifecycle.LifecycleEvent;
import dev.herald.server.testing.FakeConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CacheAndCountsTest {
  private final ProtocolFixture f = new ProtocolFixture();

  @Test
  void replaysTheCachedEventRightAfterSubscriptionSucceeded() {
    byte[] json = PusherJson.channelEvent("price", "cache-prices", "{\"v\":1}", null);
    long now = f.clock.millis();
    f.cache.put("1", "cache-prices", new CachedEvent(json, "{\"v\":1}", now + 60_000), now);
    FakeConnection conn = f.connect();
    f.subscribe(conn, "cache-prices");
    assertThat(conn.events()).containsExactly("pusher_internal:subscription_succeeded", "price");
  }

  @Test
  void sendsCacheMissForAnEmptyOrExpiredCacheChannelAndNotForOrdinaryOnes() {
    byte[] json = PusherJson.channelEvent("price", "cache-old", "{}", null);
    long now = f.clock.millis();
    f.cache.put("1", "cache-old", new CachedEvent(json, "{}", now + 1_000), now);
    f.clock.advance(Duration.ofSeconds(2));
    FakeConnection conn = f.connect();
    f.subscribe(conn, "cache-old");
    f.subscribe(conn, "private-cache-new");
    f.subscribe(conn, "my-cache-x");
    assertThat(conn.events())
        .containsExactly(
            "pusher_internal:subscription_succeeded",
            "pusher:cache_miss",
            "pusher_internal:subscription_succeeded",
            "pusher:cache_miss",
            "pusher_internal:subscription_succeeded");
    assertThat(f.events).filteredOn(e -> e instanceof LifecycleEvent.CacheMiss).hasSize(2);
  }

  @Test
  void sendsSubscriptionCountsOnlyWhenTheAppOptsIn() {
    FakeConnection a = f.connect(ProtocolFixture.FEATURES);
    f.subscribe(a, "room");
    assertThat(countsSeen(a)).containsExactly(1);
    FakeConnection b = f.connect(ProtocolFixture.FEATURES);
    f.subscribe(b, "room");
    assertThat(countsSeen(a)).containsExactly(1, 2);
    f.send(b, "{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"room\"}}");
    assertThat(countsSeen(a)).containsExactly(1, 2, 1);

    FakeConnection plain = f.connect();
    f.subscribe(plain, "room");
    assertThat(plain.events()).doesNotContain("pusher_internal:subscription_count");
  }

  @Test
  void throttlesCountsAboveOneHundredSubscribersAndSendsTheLastOne() {
    List<FakeConnection> conns = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      FakeConnection c = f.connect(ProtocolFixture.FEATURES);
      f.subscribe(c, "big");
      conns.add(c);
    }
    FakeConnection first = conns.get(0);
    first.clear();
    for (int i = 0; i < 5; i++) {
      f.subscribe(f.connect(ProtocolFixture.FEATURES), "big");
    }
    // 101 was just sent; within 5 s no more counts go out, then the latest one does.
    assertThat(countsSeen(first)).isEmpty();
    assertThat(f.scheduler.pending()).isEqualTo(1);
    f.clock.advance(Duration.ofSeconds(5));
    f.scheduler.runDue();
    assertThat(countsSeen(first)).containsExactly(106);
  }

  @Test
  void sendsNoSubscriptionCountOnPresenceChannels() {
    FakeConnection a = f.connect(ProtocolFixture.FEATURES);
    f.joinPresence(a, "presence-room", "{\"user_id\":\"a\"}");
    assertThat(a.events()).doesNotContain("pusher_internal:subscription_count");
  }

  @Test
  void closesConnectionsThatStayUnauthorizedWith4009() {
    FakeConnection idle = f.connect(ProtocolFixture.AUTHORIZED);
    FakeConnection publicOnly = f.connect(ProtocolFixture.AUTHORIZED);
    f.subscribe(publicOnly, "news");
    FakeConnection signedIn = f.connect(ProtocolFixture.AUTHORIZED);
    f.signin(signedIn, "{\"id\":\"u\"}");
    FakeConnection privateJoined = f.connect(ProtocolFixture.AUTHORIZED);
    f.subscribe(privateJoined, "private-x");
    f.clock.advance(Duration.ofSeconds(4));
    List.of(idle, publicOnly, signedIn, privateJoined).forEach(f.protocol::checkLiveness);
    assertThat(idle.closedWith).isNull();
    f.clock.advance(Duration.ofSeconds(1));
    List.of(idle, publicOnly, signedIn, privateJoined).forEach(f.protocol::checkLiveness);
    assertThat(idle.closedWith).isEqualTo(PusherError.UNAUTHORIZED);
    assertThat(publicOnly.closedWith).isEqualTo(PusherError.UNAUTHORIZED);
    assertThat(signedIn.closedWith).isNull();
    assertThat(privateJoined.closedWith).isNull();
  }

  @Test
  void neverClosesForAuthorizationWhenTheAppDoesNotAskForIt() {
    FakeConnection idle = f.connect();
    f.clock.advance(Duration.ofSeconds(29));
    f.protocol.checkLiveness(idle);
    assertThat(idle.closedWith).isNull();
  }

  private static List<Integer> countsSeen(FakeConnection conn) {
    return conn.messages().stream()
        .filter(m -> m.path("event").asText().equals("pusher_internal:subscription_count"))
        .map(m -> FakeConnection.data(m).get("subscription_count").asInt())
        .toList();
  }
}
