package dev.herald.server.redis;

import dev.herald.redis.testing.TestRedis;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Connections to the test Redis ({@link TestRedis}) under a prefix no other test uses, wired the
 * way {@code RedisCluster} wires a node: a text connection for the ledger and the stores, byte
 * connections for publishing, pub/sub connections for subscribing. {@link #close} deletes the
 * prefix's keys (never anything else of the shared Redis) and closes every connection.
 */
public final class TestCluster implements AutoCloseable {
  private final String prefix;
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> text;
  private final List<AutoCloseable> opened = new ArrayList<>();

  private TestCluster(String uri, String prefix) {
    this.prefix = prefix;
    this.client = RedisClient.create(RedisURI.create(uri));
    this.text = client.connect(StringCodec.UTF8);
  }

  /** Connects to the test Redis (or skips the test) under a fresh prefix. */
  public static TestCluster open() {
    return new TestCluster(TestRedis.uri(), TestRedis.uniquePrefix());
  }

  /** Another cluster on the same Redis under a prefix of its own. */
  public TestCluster another() {
    return new TestCluster(TestRedis.uri(), TestRedis.uniquePrefix());
  }

  /** The prefix of every key and channel of this cluster. */
  public String prefix() {
    return prefix;
  }

  /** The shared text connection. */
  public StatefulRedisConnection<String, String> text() {
    return text;
  }

  /** Blocking commands on the text connection, for assertions and setup. */
  public RedisCommands<String, String> sync() {
    return text.sync();
  }

  /** A new text connection of its own (for a second node's ledger). */
  public StatefulRedisConnection<String, String> newText() {
    StatefulRedisConnection<String, String> connection = client.connect(StringCodec.UTF8);
    opened.add(connection);
    return connection;
  }

  /** A new byte connection (a broker's publisher). */
  public StatefulRedisConnection<byte[], byte[]> newBytes() {
    StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE);
    opened.add(connection);
    return connection;
  }

  /** A new pub/sub connection (a broker's subscriber). */
  public StatefulRedisPubSubConnection<byte[], byte[]> newPubSub() {
    StatefulRedisPubSubConnection<byte[], byte[]> connection =
        client.connectPubSub(ByteArrayCodec.INSTANCE);
    opened.add(connection);
    return connection;
  }

  /** A new node id. */
  public static String nodeId() {
    return "node-" + UUID.randomUUID();
  }

  /** A node's ledger on a connection of its own, as {@code RedisCluster.start} builds it. */
  public RedisLedger ledger(String nodeId) {
    return new RedisLedger(newText().async(), prefix, nodeId);
  }

  /** A health that nobody reads. */
  public static RedisHealth health() {
    return new RedisHealth(java.time.Duration.ofSeconds(10));
  }

  /** The keys under this cluster's prefix. */
  public List<String> keys() {
    RedisCommands<String, String> redis = text.sync();
    ScanArgs match = ScanArgs.Builder.matches(glob(prefix) + "*").limit(500);
    List<String> result = new ArrayList<>();
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      KeyScanCursor<String> page = redis.scan(cursor, match);
      result.addAll(page.getKeys());
      cursor = page;
    } while (!cursor.isFinished());
    return result;
  }

  /** Deletes every key under this cluster's prefix, as if Redis had lost its data. */
  public void deleteKeys() {
    List<String> keys = keys();
    if (!keys.isEmpty()) {
      text.sync().del(keys.toArray(String[]::new));
    }
  }

  @Override
  public void close() {
    try {
      deleteKeys();
    } finally {
      for (AutoCloseable connection : opened) {
        try {
          connection.close();
        } catch (Exception e) {
          // Closing anyway.
        }
      }
      text.close();
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  private static String glob(String text) {
    return text.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
  }
}
