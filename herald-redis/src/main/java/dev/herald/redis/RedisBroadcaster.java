package dev.herald.redis;

import dev.herald.Broadcast;
import dev.herald.BroadcastException;
import dev.herald.Broadcaster;
import dev.herald.Channel;
import dev.herald.EventEncoder;
import dev.herald.WireEvent;
import dev.herald.pusher.ChannelName;
import dev.herald.pusher.PusherJson;
import io.lettuce.core.SetArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Broadcasts straight into the Redis a cluster of Herald nodes shares, without an HTTP hop: each
 * event is published, once per channel, as a {@link RedisEnvelope} on the channel's {@link
 * RedisKeys#eventChannel pub/sub channel}, where every node with subscribers of that channel picks
 * it up.
 *
 * <pre>{@code
 * RedisBroadcaster broadcaster = RedisBroadcaster.builder()
 *     .uri("redis://127.0.0.1:6379")
 *     .appId("my-app")
 *     .build();
 * }</pre>
 *
 * <p>The rules are the other drivers': channel names, the payload limit in UTF-8 bytes, socket ids
 * and encryption per {@code private-encrypted-} channel (protocol reference §1.10) are checked
 * before anything is sent. On a cache channel the event is first stored ({@code SET} with the cache
 * TTL) and then published, on the same connection, so a node that sees the event finds it cached.
 * Nothing here is signed: whoever can publish to the Redis can broadcast.
 *
 * <p>Thread-safe. Never blocks the caller except in {@link #close()}. The returned futures complete
 * when Redis acknowledged every command, or exceptionally with a {@link BroadcastException} when
 * Redis could not be reached, did not answer within the command timeout or refused. While Redis is
 * away, broadcasts fail at once instead of waiting (Lettuce rejects commands while disconnected and
 * reconnects in the background).
 */
public final class RedisBroadcaster implements Broadcaster {
  private final String appId;
  private final RedisKeys keys;
  private final EventEncoder encoder;
  private final SetArgs cacheTtl;
  private final RedisConnector redis;
  private final AtomicBoolean closed = new AtomicBoolean();

  RedisBroadcaster(RedisBroadcasterBuilder settings) {
    this.appId = settings.appId;
    this.keys = new RedisKeys(settings.prefix);
    this.encoder = new EventEncoder(settings.maxPayloadBytes, settings.masterKey);
    this.cacheTtl = SetArgs.Builder.px(settings.cacheTtl.toMillis());
    this.redis = RedisClients.connector(settings);
  }

  /** Starts configuring a Redis broadcaster. */
  public static RedisBroadcasterBuilder builder() {
    return new RedisBroadcasterBuilder();
  }

  /**
   * Publishes the event on each of its channels ({@code SET} first on cache channels).
   *
   * @throws IllegalArgumentException when the event is invalid (too large, encrypted channel
   *     without a master key); nothing is sent
   * @throws IllegalStateException after {@link #close()}
   */
  @Override
  public CompletableFuture<Void> broadcast(Broadcast broadcast) {
    ensureOpen();
    // Encoded in full first, so that a refusal publishes nothing.
    List<Publication> publications = new ArrayList<>();
    for (WireEvent event : encoder.encode(broadcast)) {
      for (String channel : event.channelNames()) {
        byte[] json = PusherJson.channelEvent(event.name(), channel, event.data(), null);
        RedisEnvelope envelope = RedisEnvelope.event("", appId, channel, event.socketId(), json);
        publications.add(new Publication(channel, json, envelope.encode()));
      }
    }
    return redis.run(
        commands -> {
          List<CompletableFuture<?>> acknowledged = new ArrayList<>();
          for (Publication publication : publications) {
            if (ChannelName.isCache(publication.channel())) {
              byte[] key = keys.cacheKeyBytes(appId, publication.channel());
              acknowledged.add(
                  commands.set(key, publication.json(), cacheTtl).toCompletableFuture());
            }
            byte[] pubsub = keys.eventChannelBytes(appId, publication.channel());
            acknowledged.add(
                commands.publish(pubsub, publication.envelope()).toCompletableFuture());
          }
          return CompletableFuture.allOf(acknowledged.toArray(new CompletableFuture<?>[0]));
        });
  }

  /**
   * Closes every connection signed in as {@code userId}, on every node (protocol reference §1.7): a
   * {@link RedisEnvelope.Kind#TERMINATE} envelope on the user's {@code #server-to-user-} channel.
   * The user may reconnect, so refuse their authorization as well.
   *
   * @return completes when Redis acknowledged; exceptionally with a {@link BroadcastException}
   * @throws IllegalArgumentException when the user id is empty or has characters outside {@code
   *     [A-Za-z0-9_\-=@,.;]}
   * @throws IllegalStateException after {@link #close()}
   */
  public CompletableFuture<Void> terminateUserConnections(String userId) {
    ensureOpen();
    Channel.user(userId); // the same check as for sending to the user
    String channel = ChannelName.serverToUser(userId);
    byte[] pubsub = keys.eventChannelBytes(appId, channel);
    byte[] envelope = RedisEnvelope.terminate("", appId, userId).encode();
    return redis.run(
        commands -> commands.publish(pubsub, envelope).toCompletableFuture().thenRun(() -> {}));
  }

  /**
   * {@code PING}: completes when Redis answered; exceptionally with a {@link BroadcastException}.
   */
  @Override
  public CompletableFuture<Void> ping() {
    ensureOpen();
    return redis.run(commands -> commands.ping().toCompletableFuture().thenRun(() -> {}));
  }

  /** The names this broadcaster publishes under. */
  public RedisKeys keys() {
    return keys;
  }

  /**
   * Refuses new broadcasts, waits up to the command timeout for those in flight, then closes the
   * connection, and the Redis client when the broadcaster made it. Idempotent.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      redis.close();
    }
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("the broadcaster is closed");
    }
  }

  /** One channel's share of a broadcast: the cached JSON and the published envelope. */
  private record Publication(String channel, byte[] json, byte[] envelope) {}
}
