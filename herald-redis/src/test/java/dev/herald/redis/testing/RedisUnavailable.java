package dev.herald.redis.testing;

import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test does when it needs a Redis and none is there (design.md, Tests item 6): on a
 * developer's machine it is skipped with a message that says how to get one; in CI ({@code
 * CI=true}) it fails, so a missing Redis cannot pass as green.
 */
final class RedisUnavailable {
  private RedisUnavailable() {}

  /**
   * Fails (CI) or aborts (elsewhere) the current test.
   *
   * @param reason what is missing, e.g. "no Redis answers at 127.0.0.1:6379"
   * @return never returns normally
   */
  static AssertionError skipOrFail(String reason, Map<String, String> environment) {
    if ("true".equalsIgnoreCase(environment.get("CI"))) {
      throw new AssertionError(
          reason + ". Redis is required in CI (CI=true): .ci/run starts one on 127.0.0.1:6379");
    }
    Assumptions.abort(
        reason
            + ". Skipped: start Redis on 127.0.0.1:6379 (e.g. apt-get install redis-server) or set "
            + TestRedis.ENVIRONMENT_VARIABLE
            + "=redis://host:port; with CI=true this test fails instead");
    throw new AssertionError("unreachable: the test was aborted");
  }
}
