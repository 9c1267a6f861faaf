package dev.herald.redis;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.lettuce.core.RedisClient;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A test's view of Redis pub/sub as a Herald node has it: {@code PSUBSCRIBE}s a pattern and hands
 * over each message as the pub/sub channel and the decoded {@link RedisEnvelope}, waiting a bounded
 * time. Decoding happens on the test's thread, so a malformed envelope fails the test.
 */
final class RedisSubscriber implements AutoCloseable {
  /** How long {@link #next()} waits for a message. */
  static final Duration WAIT = Duration.ofSeconds(10);

  /** One message: where it was published and what it carries. */
  record Received(String pubsubChannel, RedisEnvelope envelope) {}

  private record Raw(byte[] channel, byte[] message) {}

  private final RedisClient client;
  private final StatefulRedisPubSubConnection<byte[], byte[]> connection;
  private final BlockingQueue<Raw> messages = new LinkedBlockingQueue<>();

  private RedisSubscriber(String uri, String pattern) {
    client = RedisClient.create(uri);
    connection = client.connectPubSub(ByteArrayCodec.INSTANCE);
    connection.addListener(
        new RedisPubSubAdapter<>() {
          @Override
          public void message(byte[] pattern, byte[] channel, byte[] message) {
            messages.add(new Raw(channel, message));
          }
        });
    connection.sync().psubscribe(pattern.getBytes(UTF_8));
  }

  /** Subscribed once this returns: everything published afterwards is seen. */
  static RedisSubscriber subscribe(String uri, String pattern) {
    return new RedisSubscriber(uri, pattern);
  }

  /** The next message, waiting up to {@link #WAIT}. */
  Received next() {
    try {
      Raw raw = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      if (raw == null) {
        throw new AssertionError("no message on Redis pub/sub within " + WAIT);
      }
      return new Received(new String(raw.channel(), UTF_8), RedisEnvelope.decode(raw.message()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for a message", e);
    }
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
