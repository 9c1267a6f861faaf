package dev.herald.redis;

import dev.herald.Broadcaster;
import dev.herald.Channel;
import dev.herald.DeliveryContract;
import dev.herald.redis.testing.TestRedis;
import java.util.List;

/** The contract, against {@link RedisBroadcaster} and a real Redis, observed on pub/sub. */
class RedisBroadcasterContractTest extends DeliveryContract {
  private static final String APP_ID = "contract-app";

  private final String prefix = TestRedis.uniquePrefix();

  @Override
  protected Broadcaster newBroadcaster() {
    return RedisBroadcaster.builder()
        .uri(TestRedis.uri())
        .appId(APP_ID)
        .prefix(prefix)
        .encryptionMasterKey(MASTER_KEY)
        .build();
  }

  @Override
  protected Observer observe(List<Channel> channels) {
    return new RedisEnvelopeObserver(TestRedis.uri(), new RedisKeys(prefix), APP_ID, channels);
  }
}
