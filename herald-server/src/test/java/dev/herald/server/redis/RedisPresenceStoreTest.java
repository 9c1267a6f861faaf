package dev.herald.server.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.PusherJson;
import dev.herald.server.presence.Member;
import dev.herald.server.presence.PresenceStore.JoinResult;
import dev.herald.server.presence.PresenceStore.Joined;
import dev.herald.server.redis.Counter.Kind;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Presence across nodes on one Redis: two ledgers with different node ids are two nodes. A dead
 * node's members are reaped, and a node puts its members back after Redis lost its data.
 */
class RedisPresenceStoreTest {
  private static final String APP = "1";
  private static final String CHANNEL = "presence-room";
  private static final int NO_LIMIT = 100;
  private static final Member ANN = member("ann", "{\"name\":\"Ann\"}");
  private static final Member BOB = member("bob", "{\"name\":\"Bob\"}");
  private static final Member CAROL = member("carol", null);

  private TestCluster redis;
  private Node a;
  private Node b;

  /** One node: its id, its ledger and its store. */
  private record Node(String id, RedisLedger ledger, RedisPresenceStore store) {
    Joined join(String socketId, Member member) {
      return join(socketId, member, NO_LIMIT);
    }

    Joined join(String socketId, Member member, int max) {
      return await(store.join(APP, CHANNEL, socketId, member, max));
    }

    boolean leave(String socketId, String userId) {
      return await(store.leave(APP, CHANNEL, socketId, userId));
    }

    List<Member> members() {
      return await(store.members(APP, CHANNEL));
    }

    int userCount() {
      return await(store.userCount(APP, CHANNEL));
    }
  }

  @BeforeEach
  void startTwoNodes() {
    redis = TestCluster.open();
    a = node();
    b = node();
  }

  @AfterEach
  void closeRedis() {
    if (redis != null) {
      redis.close();
    }
  }

  /** A node as RedisCluster.start builds one: ledger and store on the node's text connection. */
  private Node node() {
    String id = TestCluster.nodeId();
    var text = redis.newText().async();
    RedisLedger ledger = new RedisLedger(text, redis.prefix(), id);
    return new Node(id, ledger, new RedisPresenceStore(ledger, text, TestCluster.health()));
  }

  @Test
  void theSameUserOnTwoNodesIsOneMember() {
    assertThat(a.join("a.1", ANN).result()).isEqualTo(JoinResult.FIRST);

    Joined onB = b.join("b.1", ANN);

    assertThat(onB.result()).isEqualTo(JoinResult.ADDED);
    assertThat(onB.members()).containsExactly(ANN);
    assertThat(a.members()).containsExactly(ANN);
    assertThat(b.userCount()).isEqualTo(1);
  }

  @Test
  void onlyTheLastLeaveAnywhereIsLast() {
    a.join("a.1", ANN);
    b.join("b.1", ANN);
    b.join("b.2", ANN);

    assertThat(a.leave("a.1", "ann")).isFalse();
    assertThat(b.leave("b.1", "ann")).isFalse();
    assertThat(a.members()).containsExactly(ANN);

    assertThat(b.leave("b.2", "ann")).isTrue();
    assertThat(a.members()).isEmpty();
    assertThat(a.userCount()).isZero();
  }

  @Test
  void aNodeCannotTakeBackAnotherNodesSockets() {
    a.join("a.1", ANN);

    assertThat(b.leave("a.1", "ann")).isFalse();

    assertThat(b.members()).containsExactly(ANN);
    assertThat(a.leave("a.1", "ann")).isTrue();
  }

  @Test
  void eachNodeSeesTheMembersOfEvery() {
    a.join("a.1", ANN);
    b.join("b.1", BOB);

    assertThat(a.members()).containsExactlyInAnyOrder(ANN, BOB);
    assertThat(b.members()).containsExactlyInAnyOrder(ANN, BOB);
    assertThat(a.userCount()).isEqualTo(2);
  }

  @Test
  void theLimitCountsTheUsersOfEveryNode() {
    a.join("a.1", ANN, 2);
    b.join("b.1", BOB, 2);

    assertThat(a.join("a.2", CAROL, 2).result()).isEqualTo(JoinResult.FULL);
    assertThat(b.join("b.2", ANN, 2).result()).isEqualTo(JoinResult.ADDED);
    assertThat(b.members()).containsExactlyInAnyOrder(ANN, BOB);
  }

  @Test
  void aRefusedJoinIsNotPutBackByAResync() {
    a.join("a.1", ANN, 1);

    List<Transition> resynced =
        await(
            a.store()
                .join(APP, CHANNEL, "a.2", BOB, 1)
                .thenCompose(
                    joined -> {
                      assertThat(joined.result()).isEqualTo(JoinResult.FULL);
                      return a.ledger().resync().thenApply(RedisLedger.Resync::transitions);
                    }));

    assertThat(resynced).isEmpty();
    assertThat(a.members()).containsExactly(ANN);
    assertThat(a.ledger().localCount(presence("bob"))).isZero();
  }

  @Test
  void reapingANodeThatNeverBeatTakesItsMembersOutAndAnswersTheTransitions() {
    a.join("a.1", ANN);
    b.join("b.1", BOB);
    b.join("b.2", ANN);
    b.join("b.3", CAROL);

    List<Transition> reaped = await(a.ledger().reap(b.id(), 300));

    assertThat(reaped)
        .extracting(t -> t.counter().field())
        .as("ann is still on node a")
        .containsExactlyInAnyOrder("bob", "carol");
    Transition bob = transition(reaped, "bob");
    assertThat(bob.counter()).isEqualTo(presence("bob"));
    assertThat(bob.before()).isEqualTo(1);
    assertThat(bob.after()).isZero();
    assertThat(bob.rose()).isFalse();
    assertThat(bob.announced()).isTrue();
    assertThat(json(bob.info())).isEqualTo(BOB.userInfo());
    assertThat(transition(reaped, "carol").info()).isEqualTo("null");
    assertThat(a.members()).containsExactly(ANN);
    assertThat(a.userCount()).isEqualTo(1);
    assertThat(a.leave("a.1", "ann")).as("node a's socket is now ann's last").isTrue();
  }

  @Test
  void reapingANodeWhoseHeartbeatIsOldTakesItOutOfTheCluster() {
    b.join("b.1", BOB);
    redis.sync().zadd(nodesKey(), 1, b.id()); // beat in 1970

    List<Transition> reaped = await(a.ledger().reap(b.id(), 300));

    assertThat(reaped).extracting(t -> t.counter().field()).containsExactly("bob");
    assertThat(a.members()).isEmpty();
    assertThat(redis.sync().zscore(nodesKey(), b.id())).as("gone from the nodes").isNull();
    assertThat(redis.sync().exists(redis.prefix() + "node:" + b.id() + ":reaped"))
        .as("tombstone, so that b announces itself again if it comes back")
        .isEqualTo(1);
  }

  @Test
  void reapingANodeThatBeatWithinTheTimeoutLeavesItAlone() {
    b.join("b.1", BOB);
    redis.sync().zadd(nodesKey(), redisMillis(), b.id());

    assertThat(await(a.ledger().reap(b.id(), 60_000))).isEmpty();

    assertThat(a.members()).containsExactly(BOB);
    assertThat(redis.sync().zscore(nodesKey(), b.id())).isNotNull();
  }

  @Test
  void reapingTheSameNodeTwiceFindsNothingTheSecondTime() {
    b.join("b.1", BOB);

    assertThat(await(a.ledger().reap(b.id(), 300))).hasSize(1);
    assertThat(await(b.ledger().reap(b.id(), 300))).isEmpty();
    assertThat(await(a.ledger().reap(b.id(), 300))).isEmpty();
  }

  @Test
  void aReapedNodeThatResyncsPutsItsMembersBack() {
    b.join("b.1", BOB);
    await(a.ledger().reap(b.id(), 300));

    List<Transition> back = await(b.ledger().resync()).transitions();

    assertThat(back).extracting(t -> t.counter().field()).containsExactly("bob");
    assertThat(back.get(0).rose()).isTrue();
    assertThat(a.members()).containsExactly(BOB);
    assertThat(b.leave("b.1", "bob")).isTrue();
  }

  @Test
  void aResyncAfterRedisLostItsDataBringsEveryMemberBackWithItsInfo() {
    a.join("a.1", ANN);
    a.join("a.2", member("ann", "{\"name\":\"Not the first\"}"));
    a.join("a.3", CAROL);
    b.join("b.1", BOB);
    b.join("b.2", ANN);
    List<Member> before = a.members();

    redis.deleteKeys();
    assertThat(a.members()).isEmpty();

    List<Transition> onA = await(a.ledger().resync()).transitions();
    List<Transition> onB = await(b.ledger().resync()).transitions();

    assertThat(onA).extracting(t -> t.counter().field()).containsExactlyInAnyOrder("ann", "carol");
    assertThat(onA).allMatch(Transition::rose);
    assertThat(onB).extracting(t -> t.counter().field()).containsExactly("bob");
    assertThat(a.members()).containsExactlyInAnyOrderElementsOf(before);
    assertThat(a.members()).containsExactlyInAnyOrder(ANN, BOB, CAROL);
    assertThat(b.userCount()).isEqualTo(3);

    assertThat(b.leave("b.2", "ann")).isFalse();
    assertThat(a.leave("a.1", "ann")).isFalse();
    assertThat(a.leave("a.2", "ann")).as("every socket of ann was counted again").isTrue();
  }

  @Test
  void aResyncWithNothingLostChangesNothing() {
    a.join("a.1", ANN);
    a.join("a.2", ANN);

    assertThat(await(a.ledger().resync()).transitions()).isEmpty();
    assertThat(await(a.ledger().resync()).transitions()).isEmpty();

    assertThat(a.members()).containsExactly(ANN);
    assertThat(a.leave("a.1", "ann")).isFalse();
    assertThat(a.leave("a.2", "ann")).isTrue();
  }

  @Test
  void whatANodeKnowsOfItselfMatchesWhatItJoined() {
    a.join("a.1", ANN);
    a.join("a.2", ANN);
    b.join("b.1", ANN);

    assertThat(a.ledger().localCount(presence("ann"))).isEqualTo(2);
    assertThat(b.ledger().localCount(presence("ann"))).isEqualTo(1);
    assertThat(a.ledger().local(Kind.PRESENCE, APP, CHANNEL)).containsOnlyKeys(presence("ann"));
  }

  private static Counter presence(String userId) {
    return new Counter(Kind.PRESENCE, APP, CHANNEL, userId);
  }

  private static Transition transition(List<Transition> transitions, String userId) {
    return transitions.stream()
        .filter(t -> t.counter().field().equals(userId))
        .findFirst()
        .orElseThrow();
  }

  /** The sorted set of live nodes and their last beat (RedisLedger.nodesKey). */
  private String nodesKey() {
    return redis.prefix() + "nodes";
  }

  /** Now on Redis's clock, which the heartbeat and the reaper use. */
  private long redisMillis() {
    List<String> time = redis.sync().time();
    return Long.parseLong(time.get(0)) * 1000 + Long.parseLong(time.get(1)) / 1000;
  }

  private static Member member(String userId, String info) {
    return new Member(userId, info == null ? null : json(info));
  }

  private static JsonNode json(String text) {
    try {
      return PusherJson.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("Redis did not answer: " + e, e);
    }
  }
}
