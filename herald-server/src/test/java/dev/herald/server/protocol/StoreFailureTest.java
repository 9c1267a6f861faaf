package dev.herald.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.server.channel.MemoryOccupancyStore;
import dev.herald.server.channel.OccupancyStore;
import dev.herald.server.cluster.Cluster;
import dev.herald.server.presence.MemoryOnlineUserStore;
import dev.herald.server.presence.OnlineUserStore;
import dev.herald.server.testing.FakeConnection;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A store whose answer fails (Redis away) still gets the client an answer, and keeps nothing. */
class StoreFailureTest {
  private static final String ROOM = "presence-room";

  /** What the occupancy store answers to {@code added}; the next subscription's count. */
  private CompletableFuture<Integer> added = CompletableFuture.failedFuture(redisAway());

  private CompletableFuture<Set<String>> online = CompletableFuture.failedFuture(redisAway());

  private final ProtocolFixture f =
      new ProtocolFixture(
          c ->
              new Cluster(
                  c.broker(),
                  c.presence(),
                  new FailingOccupancy(),
                  new FailingOnlineUsers(),
                  c.cache()));

  @Test
  void refusesASubscriptionWhoseCountFailsAndKeepsTheConnectionOpen() {
    FakeConnection conn = f.connect();
    f.subscribe(conn, "orders");

    var error = FakeConnection.data(conn.last("pusher:subscription_error"));
    assertThat(conn.last("pusher:subscription_error").get("channel").asText()).isEqualTo("orders");
    assertThat(error.get("type").asText()).isEqualTo("Unavailable");
    assertThat(error.get("status").asInt()).isEqualTo(503);
    assertThat(conn.last("pusher:error").at("/data/code").asInt()).isEqualTo(4100);
    assertThat(conn.events()).doesNotContain("pusher_internal:subscription_succeeded");
    assertThat(conn.state().subscriptionCount()).isZero();
    assertThat(f.channels.subscriptionCount("1", "orders")).isZero();
    assertThat(conn.closedWith).isNull();
  }

  @Test
  void answersWhenTheFailureArrivesAfterTheSubscribe() {
    added = new CompletableFuture<>();
    FakeConnection conn = f.connect();
    f.subscribe(conn, "orders");
    assertThat(conn.events()).isEmpty();

    added.completeExceptionally(redisAway());

    assertThat(conn.events()).containsExactly("pusher:subscription_error", "pusher:error");
    assertThat(conn.state().subscriptionCount()).isZero();
  }

  @Test
  void takesThePresenceMemberBackWhenTheCountFails() {
    FakeConnection conn = f.connect();
    f.joinPresence(conn, ROOM, "{\"user_id\":\"ann\"}");

    assertThat(FakeConnection.data(conn.last("pusher:subscription_error")).get("status").asInt())
        .isEqualTo(503);
    assertThat(f.presence.members("1", ROOM).join()).isEmpty();
  }

  @Test
  void subscribesOnceTheStoreAnswersAgain() {
    FakeConnection conn = f.connect();
    f.subscribe(conn, "orders");
    added = null; // answered by the memory store again

    f.subscribe(conn, "orders");

    assertThat(conn.last("pusher_internal:subscription_succeeded").get("channel").asText())
        .isEqualTo("orders");
    assertThat(conn.state().isSubscribed("orders")).isTrue();
  }

  @Test
  void tellsASignedInWatcherWhenTheOnlineUsersCannotBeRead() {
    FakeConnection watcher = f.connect(ProtocolFixture.FEATURES);
    f.signin(watcher, "{\"id\":\"ann\",\"watchlist\":[\"bob\"]}");

    assertThat(watcher.events()).contains("pusher:signin_success");
    assertThat(watcher.last("pusher:error").at("/data/code").asInt()).isEqualTo(4100);
    assertThat(watcher.last("pusher:error").at("/data/message").asText()).contains("watchlist");
    assertThat(watcher.closedWith).isNull();
  }

  private static IllegalStateException redisAway() {
    return new IllegalStateException("Redis is away");
  }

  /** The memory store, except that {@code added} answers {@link #added} when set. */
  private final class FailingOccupancy implements OccupancyStore {
    private final MemoryOccupancyStore memory = new MemoryOccupancyStore();

    @Override
    public CompletableFuture<Integer> added(String appId, String channel) {
      return added == null ? memory.added(appId, channel) : added;
    }

    @Override
    public CompletableFuture<Integer> removed(String appId, String channel) {
      return memory.removed(appId, channel);
    }

    @Override
    public CompletableFuture<Integer> count(String appId, String channel) {
      return memory.count(appId, channel);
    }

    @Override
    public CompletableFuture<Map<String, Integer>> channels(String appId) {
      return memory.channels(appId);
    }
  }

  /** The memory store, except that {@code online} answers {@link #online}. */
  private final class FailingOnlineUsers implements OnlineUserStore {
    private final MemoryOnlineUserStore memory = new MemoryOnlineUserStore();

    @Override
    public CompletableFuture<Boolean> signedIn(String appId, String userId, String socketId) {
      return memory.signedIn(appId, userId, socketId);
    }

    @Override
    public CompletableFuture<Boolean> signedOut(String appId, String userId, String socketId) {
      return memory.signedOut(appId, userId, socketId);
    }

    @Override
    public CompletableFuture<Set<String>> online(String appId, Collection<String> userIds) {
      return online;
    }
  }
}
