package dev.herald.server.redis;

import dev.herald.pusher.ChannelName;
import dev.herald.redis.RedisEnvelope;
import dev.herald.redis.RedisKeys;
import dev.herald.server.broker.Broker;
import dev.herald.server.broker.LocalNode;
import dev.herald.server.broker.Message;
import dev.herald.server.channel.ChannelInterest;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker of a cluster on Redis pub/sub. A publish is delivered to this node's subscribers at
 * once and sent to Redis as a {@link RedisEnvelope} on the channel's Redis channel; every other
 * node that has subscribers of the channel receives it once and reuses its bytes for its local
 * fan-out (a node skips its own envelopes, so nobody gets a message twice). A node subscribes to a
 * channel's Redis channel only while it has local subscribers ({@link ChannelInterest}).
 *
 * <p>While Redis is away, local delivery goes on; publishes to other nodes fail (counted and logged
 * by {@link RedisHealth}), and after Lettuce reconnects every channel this node needs is subscribed
 * again ({@link #resubscribe}). Thread-safe; never blocks.
 */
final class RedisBroker implements Broker, ChannelInterest {
  /** The longest a subscription confirmation waits for Redis before confirming anyway. */
  static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(2);

  private static final Logger log = LoggerFactory.getLogger(RedisBroker.class);

  private final String nodeId;
  private final RedisKeys keys;
  private final RedisAsyncCommands<byte[], byte[]> publisher;
  private final StatefulRedisPubSubConnection<byte[], byte[]> subscriber;
  private final RedisHealth health;
  private final Map<Target, CompletableFuture<Void>> listening = new ConcurrentHashMap<>();
  private volatile LocalNode node;

  /**
   * @param nodeId this node's id, written into every envelope it publishes
   * @param keys the cluster's key prefix
   * @param publisher a command connection, for PUBLISH
   * @param subscriber a pub/sub connection, for SUBSCRIBE
   * @param health where failures are reported
   */
  RedisBroker(
      String nodeId,
      RedisKeys keys,
      RedisAsyncCommands<byte[], byte[]> publisher,
      StatefulRedisPubSubConnection<byte[], byte[]> subscriber,
      RedisHealth health) {
    this.nodeId = nodeId;
    this.keys = keys;
    this.publisher = publisher;
    this.subscriber = subscriber;
    this.health = health;
    subscriber.addListener(
        new RedisPubSubAdapter<>() {
          @Override
          public void message(byte[] channel, byte[] message) {
            receive(message);
          }
        });
  }

  /** Starts delivering what arrives from Redis into {@code node}. */
  void deliverTo(LocalNode node) {
    this.node = node;
  }

  @Override
  public void publish(Message message) {
    node.deliver(message);
    publishElsewhere(message);
  }

  /**
   * Sends {@code message} to the other nodes only: this node's clients have it already (a change
   * they heard of while Redis was away).
   */
  void publishElsewhere(Message message) {
    send(
        message.appId(),
        message.channel(),
        RedisEnvelope.event(
            nodeId, message.appId(), message.channel(), message.exceptSocketId(), message.json()));
  }

  @Override
  public void terminate(String appId, String userId) {
    node.terminate(appId, userId);
    RedisEnvelope envelope = RedisEnvelope.terminate(nodeId, appId, userId);
    send(appId, envelope.channel(), envelope);
  }

  @Override
  public CompletableFuture<Void> listening(String appId, String channel) {
    CompletableFuture<Void> confirmed = listening.get(new Target(appId, channel));
    return confirmed == null ? CompletableFuture.completedFuture(null) : confirmed;
  }

  @Override
  public void occupied(String appId, String channel) {
    CompletableFuture<Void> confirmed = new CompletableFuture<>();
    listening.put(new Target(appId, channel), confirmed);
    confirmed.completeOnTimeout(null, LISTEN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    try {
      subscriber
          .async()
          .subscribe(keys.eventChannelBytes(appId, channel))
          .whenComplete(
              (ok, error) -> {
                if (error != null) {
                  health.failed("subscribe to " + channel, error);
                }
                confirmed.complete(null);
              });
    } catch (RuntimeException e) {
      health.failed("subscribe to " + channel, e); // resubscribe() retries after reconnecting
      confirmed.complete(null);
    }
  }

  @Override
  public void vacated(String appId, String channel) {
    listening.remove(new Target(appId, channel));
    try {
      subscriber
          .async()
          .unsubscribe(keys.eventChannelBytes(appId, channel))
          .whenComplete(
              (ok, error) -> {
                if (error != null) {
                  health.failed("unsubscribe from " + channel, error);
                }
              });
    } catch (RuntimeException e) {
      health.failed("unsubscribe from " + channel, e);
    }
  }

  /**
   * Subscribes again to every channel this node has subscribers of, after Lettuce reconnected
   * (subscriptions made while Redis was away never reached it).
   */
  void resubscribe() {
    List<byte[]> channels = new ArrayList<>();
    listening.keySet().forEach(t -> channels.add(keys.eventChannelBytes(t.appId, t.channel)));
    for (int from = 0; from < channels.size(); from += 1000) {
      byte[][] chunk =
          channels.subList(from, Math.min(channels.size(), from + 1000)).toArray(byte[][]::new);
      subscriber
          .async()
          .subscribe(chunk)
          .whenComplete(
              (ok, error) -> {
                if (error != null) {
                  health.failed("subscribe again after reconnecting", error);
                }
              });
    }
    log.info("Resubscribed to {} channels on Redis", channels.size());
  }

  private void send(String appId, String channel, RedisEnvelope envelope) {
    try {
      publisher
          .publish(keys.eventChannelBytes(appId, channel), envelope.encode())
          .whenComplete(
              (receivers, error) -> {
                if (error != null) {
                  health.failed("publish to other nodes", error);
                }
              });
    } catch (RuntimeException e) {
      health.failed("publish to other nodes", e);
    }
  }

  private void receive(byte[] bytes) {
    RedisEnvelope envelope;
    try {
      envelope = RedisEnvelope.decode(bytes);
    } catch (IllegalArgumentException e) {
      log.warn("Ignored a Redis message that is not a Herald envelope: {}", e.getMessage());
      return;
    }
    if (nodeId.equals(envelope.origin()) || node == null) {
      return; // Delivered locally when it was published here.
    }
    switch (envelope.kind()) {
      case EVENT ->
          node.deliver(
              new Message(
                  envelope.appId(),
                  envelope.channel(),
                  envelope.payload(),
                  envelope.exceptSocketId()));
      case TERMINATE -> {
        if (ChannelName.isServerToUser(envelope.channel())) {
          node.terminate(envelope.appId(), envelope.userId());
        }
      }
    }
  }

  private record Target(String appId, String channel) {}
}
