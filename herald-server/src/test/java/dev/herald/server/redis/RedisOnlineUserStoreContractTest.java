package dev.herald.server.redis;

import dev.herald.server.presence.OnlineUserStore;
import dev.herald.server.presence.OnlineUserStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The contract on Redis, with the store built as {@code RedisCluster.start} builds it. */
class RedisOnlineUserStoreContractTest extends OnlineUserStoreContract {
  private TestCluster redis;

  @Override
  protected OnlineUserStore newStore() {
    redis = TestCluster.open();
    RedisLedger ledger =
        new RedisLedger(redis.text().async(), redis.prefix(), TestCluster.nodeId());
    return new RedisOnlineUserStore(ledger, redis.text().async(), TestCluster.health());
  }

  @AfterEach
  void closeRedis() {
    if (redis != null) {
      redis.close();
    }
  }
}
