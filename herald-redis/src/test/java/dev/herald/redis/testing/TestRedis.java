package dev.herald.redis.testing;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Redis that tests use: {@value #ENVIRONMENT_VARIABLE} (default {@value #DEFAULT_URI}). A test
 * that calls {@link #uri()} is skipped with a clear message when no Redis answers there, and fails
 * when {@code CI=true} (design.md, Tests item 6). Tests share that Redis, so each one names its
 * keys under a {@link #uniquePrefix()}. Thread-safe.
 */
public final class TestRedis {
  /** The environment variable that names the Redis. */
  public static final String ENVIRONMENT_VARIABLE = "HERALD_TEST_REDIS";

  /** The Redis used when the variable is not set. */
  public static final String DEFAULT_URI = "redis://127.0.0.1:6379";

  /** How long {@code PING} may take. */
  static final Duration PING_TIMEOUT = Duration.ofSeconds(2);

  private static final Map<String, Optional<String>> PROBED = new ConcurrentHashMap<>();

  private TestRedis() {}

  /**
   * The URI of a Redis that answered {@code PING} (asked once per JVM and URI).
   *
   * @throws org.opentest4j.TestAbortedException when none answers and {@code CI} is not true
   * @throws AssertionError when none answers and {@code CI=true}
   */
  public static String uri() {
    return uri(System.getenv());
  }

  static String uri(Map<String, String> environment) {
    String uri = environment.getOrDefault(ENVIRONMENT_VARIABLE, DEFAULT_URI);
    Optional<String> problem = PROBED.computeIfAbsent(uri, u -> RedisPing.problem(u, PING_TIMEOUT));
    if (problem.isPresent()) {
      throw RedisUnavailable.skipOrFail(problem.get(), environment);
    }
    return uri;
  }

  /**
   * A key prefix no other test uses, e.g. {@code herald-test:5f1c2a9b:}: give it to the code under
   * test so that its keys and channels never meet another test's.
   */
  public static String uniquePrefix() {
    return "herald-test:" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ":";
  }
}
