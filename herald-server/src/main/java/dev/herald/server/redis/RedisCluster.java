package dev.herald.server.redis;

import dev.herald.server.app.AppRegistry;
import dev.herald.server.broker.LocalNode;
import dev.herald.server.channel.ChannelInterest;
import dev.herald.server.cluster.Cluster;
import dev.herald.server.lifecycle.LifecycleListener;
import dev.herald.server.timer.Scheduler;
import dev.herald.server.webhook.Comebacks;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.net.SocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A node's membership of a cluster on Redis: the connections (commands as text and as bytes, and
 * pub/sub), the broker, the shared stores, the heartbeat and reaper, and the health that {@code GET
 * /ready} reports. Lettuce reconnects by itself; commands fail at once while Redis is away (never
 * queue and hang), and after a reconnect the node subscribes again and puts its share back.
 *
 * <p>Built in two steps because the channel registry needs the broker's {@link #interest()} and the
 * broker needs the registry: {@link #connect}, then {@link #start}.
 */
public final class RedisCluster implements AutoCloseable {
  /** Redis commands fail after this long instead of waiting for a stalled connection. */
  static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);

  /**
   * The longest pause between attempts to reconnect (Lettuce's default grows to 30 s): every node
   * is back within a second of Redis, long before the others could take it for dead.
   */
  static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(1);

  private final RedisSettings settings;
  private final String nodeId = UUID.randomUUID().toString();
  private final RedisHealth health;
  private final ClientResources resources;
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> text;
  private final StatefulRedisConnection<byte[], byte[]> bytes;
  private final StatefulRedisPubSubConnection<byte[], byte[]> pubSub;
  private final RedisBroker broker;
  private final RedisLedger ledger;
  private volatile RedisHeartbeat heartbeat;
  private volatile boolean left;

  private RedisCluster(RedisSettings settings, boolean markDepartures) {
    this.settings = settings;
    // Two missed beats: the node is not ready well before the others take it for dead.
    this.health = new RedisHealth(settings.nodeTimeout().multipliedBy(2).dividedBy(3));
    resources =
        DefaultClientResources.builder()
            .reconnectDelay(
                Delay.exponential(
                    Duration.ofMillis(10), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
            .build();
    client = RedisClient.create(resources, RedisURI.create(settings.url()));
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
            .socketOptions(
                SocketOptions.builder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .keepAlive(true)
                    .build())
            .build());
    try {
      text = client.connect(StringCodec.UTF8);
      bytes = client.connect(ByteArrayCodec.INSTANCE);
      pubSub = client.connectPubSub(ByteArrayCodec.INSTANCE);
    } catch (RedisConnectionException e) {
      client.shutdown();
      resources.shutdown();
      throw new IllegalStateException(
          "cannot connect to Redis at "
              + RedisSettings.redacted(settings.url())
              + ": "
              + e.getMessage(),
          e);
    }
    health.reconnected();
    ledger = new RedisLedger(text.async(), settings.prefix(), nodeId);
    broker = new RedisBroker(nodeId, ledger.keys(), bytes.async(), pubSub, health);
    if (markDepartures) {
      ledger.markDepartures();
    }
    client.addListener(
        new RedisConnectionStateListener() {
          @Override
          public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress addr) {
            health.reconnected();
            if (connection == pubSub) {
              broker.resubscribe();
            }
            RedisHeartbeat beating = heartbeat;
            if (beating != null && connection == text) {
              beating.resyncSoon();
            }
          }

          @Override
          public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
            if (!left) {
              health.lost(); // not when this node closes its connections on the way out
            }
          }
        });
  }

  /**
   * Connects to Redis.
   *
   * @param markDepartures whether this node marks its departures in Redis, so that the cluster can
   *     tell whether a departed member or channel came back elsewhere (the webhooks' comeback
   *     delay); a cluster without webhooks does not need the marks
   * @throws IllegalStateException when Redis cannot be reached at start
   */
  public static RedisCluster connect(RedisSettings settings, boolean markDepartures) {
    return new RedisCluster(settings, markDepartures);
  }

  /** What the channel registry tells when this node starts or stops needing a channel. */
  public ChannelInterest interest() {
    return broker;
  }

  /**
   * The comeback delay of the webhooks, decided for the whole cluster from the departures the nodes
   * mark (see {@link #connect}).
   */
  public Comebacks comebacks() {
    return new RedisComebacks(ledger);
  }

  /**
   * Starts the node: delivers what other nodes publish into {@code node}, and beats on {@code
   * timers}. The stores and the broker are returned as the cluster this node shares.
   */
  public Cluster start(
      LocalNode node, LifecycleListener events, AppRegistry apps, Clock clock, Scheduler timers) {
    broker.deliverTo(node);
    heartbeat =
        new RedisHeartbeat(
            text.async(),
            ledger,
            new TransitionAnnouncer(broker, ledger, events, apps, clock),
            health,
            nodeId,
            settings.nodeTimeout(),
            timers);
    heartbeat.start();
    return new Cluster(
        broker,
        new RedisPresenceStore(ledger, text.async(), health),
        new RedisOccupancyStore(ledger, text.async(), health),
        new RedisOnlineUserStore(ledger, text.async(), health),
        new RedisCacheStore(text.async(), ledger.keys(), health));
  }

  /** Whether Redis is reachable, failures so far. */
  public RedisHealth health() {
    return health;
  }

  /** This node's id in the cluster. */
  public String nodeId() {
    return nodeId;
  }

  /**
   * Leaves the cluster: stops beating, waits (at most 2 s) until Redis has applied what this node
   * sent, and takes the node out of the live set. The connections stay open for last questions (the
   * webhooks' comeback delay) until {@link #close}. The node's share stays in Redis until the
   * cluster reaps it (a graceful stop has already left every channel).
   */
  public void leave() {
    if (left) {
      return;
    }
    left = true;
    RedisHeartbeat beating = heartbeat;
    if (beating != null) {
      beating.stop();
    }
    try {
      // Commands are pipelined in order: once these answer, the last leaves have been applied.
      text.async().ping().get(2, TimeUnit.SECONDS);
      text.async().zrem(ledger.keys().nodesKey(), nodeId);
      bytes.async().ping().get(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Redis is away: the cluster reaps this node's share once it stops beating.
    }
  }

  /** Leaves the cluster if it has not yet, and closes the connections. */
  @Override
  public void close() {
    leave();
    pubSub.close();
    bytes.close();
    text.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
  }
}
