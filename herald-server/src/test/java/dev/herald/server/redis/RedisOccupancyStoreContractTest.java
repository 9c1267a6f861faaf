package dev.herald.server.redis;

import static dev.herald.server.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.herald.server.channel.OccupancyStore;
import dev.herald.server.channel.OccupancyStoreContract;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract on Redis, with the store built as {@code RedisCluster.start} builds it; and what
 * only a shared store does: two nodes' subscribers add up, a dead node's are taken back out.
 */
class RedisOccupancyStoreContractTest extends OccupancyStoreContract {
  private TestCluster redis;
  private RedisLedger ledger;

  @Override
  protected OccupancyStore newStore() {
    redis = TestCluster.open();
    ledger = new RedisLedger(redis.text().async(), redis.prefix(), TestCluster.nodeId());
    return new RedisOccupancyStore(ledger, redis.text().async(), TestCluster.health());
  }

  @AfterEach
  void closeRedis() {
    if (redis != null) {
      redis.close();
    }
  }

  private record Node(String id, RedisLedger ledger, OccupancyStore store) {}

  private Node node() {
    String id = TestCluster.nodeId();
    var text = redis.newText().async();
    RedisLedger ledger = new RedisLedger(text, redis.prefix(), id);
    return new Node(id, ledger, new RedisOccupancyStore(ledger, text, TestCluster.health()));
  }

  @Test
  void theSubscribersOfEveryNodeAddUp() {
    Node b = node();
    added("news");

    assertThat(await(b.store().added(APP, "news"))).as("not occupied again").isEqualTo(2);
    assertThat(removed("news")).isEqualTo(1);
    assertThat(await(b.store().removed(APP, "news"))).as("vacated by the last one").isZero();
  }

  @Test
  void aNodeCannotRemoveAnotherNodesSubscribers() {
    Node b = node();
    added("news");

    assertThat(await(b.store().removed(APP, "news"))).isEqualTo(1);
    assertThat(channels()).containsExactly(entry("news", 1));
  }

  @Test
  void reapingADeadNodeTakesItsSubscribersOut() {
    Node b = node();
    added("news");
    await(b.store().added(APP, "news"));
    await(b.store().added(APP, "sport"));

    List<Transition> reaped = await(node().ledger().reap(b.id(), 300));

    assertThat(reaped).extracting(t -> t.counter().channel()).containsExactly("sport");
    assertThat(channels()).containsExactly(entry("news", 1));
  }

  @Test
  void aResyncAfterRedisLostItsDataCountsEveryNodeAgain() {
    Node b = node();
    added("news");
    await(b.store().added(APP, "news"));
    await(b.store().added(APP, "news"));

    redis.deleteKeys();
    assertThat(channels()).isEmpty();
    await(ledger.resync());
    await(b.ledger().resync());

    assertThat(count("news")).isEqualTo(3);
  }
}
