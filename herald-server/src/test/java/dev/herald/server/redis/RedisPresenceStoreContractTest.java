package dev.herald.server.redis;

import dev.herald.server.presence.PresenceStore;
import dev.herald.server.presence.PresenceStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The contract on Redis, with the store built as {@code RedisCluster.start} builds it. */
class RedisPresenceStoreContractTest extends PresenceStoreContract {
  private TestCluster redis;

  @Override
  protected PresenceStore newStore() {
    redis = TestCluster.open();
    RedisLedger ledger =
        new RedisLedger(redis.text().async(), redis.prefix(), TestCluster.nodeId());
    return new RedisPresenceStore(ledger, redis.text().async(), TestCluster.health());
  }

  @AfterEach
  void closeRedis() {
    if (redis != null) {
      redis.close();
    }
  }
}
