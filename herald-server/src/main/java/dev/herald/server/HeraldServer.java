package dev.herald.server;

import dev.herald.Broadcaster;
import dev.herald.EncryptionMasterKey;
import dev.herald.server.api.HttpApi;
import dev.herald.server.api.Readiness;
import dev.herald.server.app.App;
import dev.herald.server.app.AppRegistry;
import dev.herald.server.app.StaticAppRegistry;
import dev.herald.server.broker.Broker;
import dev.herald.server.broker.EventPublisher;
import dev.herald.server.channel.ChannelInterest;
import dev.herald.server.channel.ChannelRegistry;
import dev.herald.server.channel.MessageCounts;
import dev.herald.server.cluster.Cluster;
import dev.herald.server.lifecycle.LifecycleDispatcher;
import dev.herald.server.lifecycle.LifecycleListener;
import dev.herald.server.metrics.ServerMetrics;
import dev.herald.server.monitor.MonitorFeed;
import dev.herald.server.netty.NettyServer;
import dev.herald.server.netty.NettySettings;
import dev.herald.server.protocol.NodeDelivery;
import dev.herald.server.protocol.PusherProtocol;
import dev.herald.server.protocol.SignedInUsers;
import dev.herald.server.redis.RedisCluster;
import dev.herald.server.redis.RedisHealth;
import dev.herald.server.webhook.Comebacks;
import dev.herald.server.webhook.HttpWebhookSender;
import dev.herald.server.webhook.WebhookSettings;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A running Herald server: the composition root that wires apps, channels, presence, the cache, the
 * broker, the protocol, lifecycle listeners, the HTTP API and the transport. Start one with {@link
 * #start(ServerConfig)}; close it to stop. Thread-safe.
 */
public final class HeraldServer implements AutoCloseable {
  /** Lifecycle events that may wait for slow listeners before new ones are dropped. */
  static final int LIFECYCLE_QUEUE = 65_536;

  private final NettyServer transport;
  private final InetSocketAddress address;
  private final AppRegistry apps;
  private final Optional<RedisCluster> redis;
  private final ServerMetrics metrics;
  private final Cluster cluster;
  private final Broker broker;
  private final EventPublisher publisher;
  private final ScheduledExecutorService timers;
  private final Optional<HttpWebhookSender> webhooks;
  private final LifecycleDispatcher lifecycle;
  private final MonitorFeed monitor;

  private HeraldServer(ServerConfig config, Clock clock, List<LifecycleListener> extraListeners) {
    apps = new StaticAppRegistry(config.apps());
    redis = config.redis().map(RedisCluster::connect);
    webhooks =
        HttpWebhookSender.forApps(
            apps,
            clock,
            WebhookSettings.DEFAULTS,
            redis
                .filter(r -> HttpWebhookSender.anyWebhooks(apps))
                .map(RedisCluster::comebacks)
                .orElse(Comebacks.LOCAL));
    transport =
        new NettyServer(
            new NettySettings(
                config.host(),
                config.port(),
                config.eventLoopThreads(),
                config.maxMessageBytes(),
                config.maxRequestBytes(),
                config.maxOutboundBytes(),
                config.livenessCheckMillis(),
                config.tls(),
                config.connectionLimits()));
    ChannelRegistry channels =
        new ChannelRegistry(
            transport.frameEncoder(),
            redis.map(RedisCluster::interest).orElse(ChannelInterest.NONE));
    SignedInUsers signedIn = new SignedInUsers();
    NodeDelivery node = new NodeDelivery(channels, signedIn);
    List<LifecycleListener> listeners = new ArrayList<>(extraListeners);
    webhooks.ifPresent(listeners::add);
    lifecycle = new LifecycleDispatcher(listeners, LIFECYCLE_QUEUE);
    monitor = new MonitorFeed(clock);
    // The monitor hears events where they happen, before the dispatcher's queue, so that it costs
    // nothing (not even a queued event) while nobody watches.
    LifecycleListener events =
        event -> {
          monitor.on(event);
          lifecycle.on(event);
        };
    cluster =
        redis
            .map(r -> r.start(node, events, apps, clock))
            .orElseGet(() -> Cluster.singleNode(node));
    broker = cluster.broker();
    publisher = new EventPublisher(broker, cluster.cache(), clock, monitor);
    timers = Executors.newSingleThreadScheduledExecutor(HeraldServer::timerThread);
    PusherProtocol protocol =
        new PusherProtocol(
            config.protocol(),
            apps,
            channels,
            cluster,
            signedIn,
            events,
            (task, delayMillis) -> timers.schedule(task, delayMillis, TimeUnit.MILLISECONDS),
            clock);
    Readiness readiness =
        redis.<Readiness>map(r -> () -> redisProblem(r.health())).orElse(Readiness.ALWAYS);
    metrics = new ServerMetrics();
    bindMetrics(protocol, channels);
    HttpApi api = new HttpApi(apps, cluster, readiness, metrics::scrape, monitor, clock);
    address = transport.start(protocol, api);
  }

  /** Starts a server with the system clock; returns once the port is bound. */
  public static HeraldServer start(ServerConfig config) {
    return start(config, Clock.systemUTC());
  }

  /** Starts a server whose protocol and API read time from {@code clock}. */
  public static HeraldServer start(ServerConfig config, Clock clock) {
    return start(config, clock, List.of());
  }

  /**
   * Starts a server whose lifecycle events (connections, subscriptions, presence members, client
   * events) also go to {@code listeners}, called off the event loops (see {@link
   * LifecycleListener}).
   */
  public static HeraldServer start(
      ServerConfig config, Clock clock, List<LifecycleListener> listeners) {
    return new HeraldServer(config, clock, listeners);
  }

  /**
   * Starts a server inside this application: clients connect to it as usual, and the app broadcasts
   * to them in-process, without HTTP (see {@link EmbeddedHerald}). Returns once the port is bound.
   *
   * @throws IllegalArgumentException when the config has no app
   */
  public static EmbeddedHerald embedded(ServerConfig config) {
    return EmbeddedHerald.start(config, Optional.empty());
  }

  /** As {@link #embedded(ServerConfig)}, encrypting events on encrypted channels with this key. */
  public static EmbeddedHerald embedded(ServerConfig config, EncryptionMasterKey masterKey) {
    return EmbeddedHerald.start(config, Optional.of(masterKey));
  }

  /**
   * A broadcaster that publishes to an app of this server through its broker, the path HTTP API
   * events take.
   */
  Broadcaster broadcaster(String appId, Optional<EncryptionMasterKey> masterKey) {
    App app =
        apps.findById(appId)
            .orElseThrow(() -> new IllegalArgumentException("no app has the id '" + appId + "'"));
    return new InProcessBroadcaster(app.id(), apps, publisher, masterKey);
  }

  /** The ids of the apps served, in configuration order. */
  List<String> appIds() {
    return apps.all().stream().map(App::id).toList();
  }

  /**
   * The live view of each app's connections, subscriptions and events on this node, behind {@code
   * GET /apps/{app_id}/monitor}; subscribe to watch an app from Java.
   */
  public MonitorFeed monitor() {
    return monitor;
  }

  /** The bound address; the port is the real one when the config asked for port 0. */
  public InetSocketAddress address() {
    return address;
  }

  /** The bound port. */
  public int port() {
    return address.getPort();
  }

  /** Stops accepting, closes every connection and frees the threads. Blocks until done. */
  @Override
  public void close() {
    transport.close();
    broker.close();
    redis.ifPresent(RedisCluster::leave); // the last leaves are counted and announced
    timers.shutdownNow();
    lifecycle.close(); // after the transport: the last vacated channels reach the webhooks
    webhooks.ifPresent(HttpWebhookSender::close); // may ask the cluster about comebacks
    redis.ifPresent(RedisCluster::close);
    metrics.close();
  }

  private void bindMetrics(PusherProtocol protocol, ChannelRegistry channels) {
    metrics.perApp(
        "herald.connections", "open WebSocket connections", appIds(), protocol::openConnections);
    metrics.perApp(
        "herald.channels",
        "channels with subscribers on this node",
        appIds(),
        channels::channelCount);
    MessageCounts messages = channels.messages();
    metrics.perAppCounter(
        "herald.messages.received",
        "messages received from clients",
        appIds(),
        messages::receivedFrom);
    metrics.perAppCounter(
        "herald.messages.delivered",
        "channel messages delivered to clients, one per subscriber",
        appIds(),
        messages::deliveredTo);
    metrics.counter(
        "herald.slow.consumers.closed",
        "clients closed with 4100 for not reading",
        transport::slowConsumersClosed);
    metrics.counter(
        "herald.lifecycle.events.dropped",
        "lifecycle events dropped because listeners fell behind",
        lifecycle::dropped);
    webhooks.ifPresent(
        sender -> {
          metrics.counter(
              "herald.webhooks.delivered",
              "webhook requests answered 2xx",
              sender::deliveredRequests);
          metrics.counter(
              "herald.webhooks.failed", "webhook attempts that failed", sender::failedDeliveries);
          metrics.counter(
              "herald.webhooks.dropped", "webhook events given up on", sender::droppedEvents);
        });
    redis.ifPresent(
        r -> {
          metrics.flag(
              "herald.redis.connected", "1 while Redis is reachable", r.health()::isConnected);
          metrics.counter(
              "herald.redis.failures", "Redis commands that failed", r.health()::failures);
        });
  }

  private static Optional<String> redisProblem(RedisHealth health) {
    if (health.isConnected()) {
      return Optional.empty();
    }
    return Optional.of(
        "Redis is unreachable; delivering to this node's clients only ("
            + health.failures()
            + " Redis failures so far)");
  }

  private static Thread timerThread(Runnable task) {
    Thread thread = new Thread(task, "herald-timers");
    thread.setDaemon(true);
    return thread;
  }
}
