package dev.herald.server;

import dev.herald.Broadcaster;
import dev.herald.EncryptionMasterKey;
import dev.herald.server.api.DebugConsole;
import dev.herald.server.api.HttpApi;
import dev.herald.server.api.Readiness;
import dev.herald.server.app.App;
import dev.herald.server.app.DevelopmentApp;
import dev.herald.server.app.ReloadableApps;
import dev.herald.server.broker.Broker;
import dev.herald.server.broker.EventPublisher;
import dev.herald.server.channel.ChannelInterest;
import dev.herald.server.channel.ChannelRegistry;
import dev.herald.server.channel.MessageCounts;
import dev.herald.server.cluster.Cluster;
import dev.herald.server.console.ConsoleAccess;
import dev.herald.server.database.JdbcAppRegistry;
import dev.herald.server.lifecycle.LifecycleDispatcher;
import dev.herald.server.lifecycle.LifecycleEvent;
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
import dev.herald.server.timer.ExecutorScheduler;
import dev.herald.server.webhook.Comebacks;
import dev.herald.server.webhook.HttpWebhookSender;
import dev.herald.server.webhook.WebhookSettings;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Herald server: the composition root that wires apps, channels, presence, the cache, the
 * broker, the protocol, lifecycle listeners, the HTTP API and the transport. Start one with {@link
 * #start(ServerConfig)}; close it to stop. Thread-safe.
 */
public final class HeraldServer implements AutoCloseable {
  /** Lifecycle events that may wait for slow listeners before new ones are dropped. */
  static final int LIFECYCLE_QUEUE = 65_536;

  /** How long past the drain window the last closes may take (a client slow to answer). */
  private static final long DRAIN_GRACE_MILLIS = 5_000;

  private static final Logger log = LoggerFactory.getLogger(HeraldServer.class);

  private final CloseStack resources;
  private volatile boolean draining;
  private volatile Supplier<List<App>> reloadSource;
  private final ServerMeters meters;
  private final NettyServer transport;
  private final InetSocketAddress address;
  private final ReloadableApps apps;
  private final Optional<JdbcAppRegistry> database;
  private final Optional<RedisCluster> redis;
  private final ServerMetrics metrics;
  private final Cluster cluster;
  private final Broker broker;
  private final EventPublisher publisher;
  private final ExecutorScheduler timers;
  private final Optional<HttpWebhookSender> webhooks;
  private final LifecycleDispatcher lifecycle;
  private final MonitorFeed monitor;

  /**
   * Starts every part in turn, pushing each on {@code resources} as soon as it runs: when a later
   * step fails (the port is taken), {@link #start} closes what started in reverse, so no heartbeat,
   * thread or connection outlives the failed start. {@link #close} pops the same stack.
   */
  private HeraldServer(
      ServerConfig config,
      Clock clock,
      List<LifecycleListener> extraListeners,
      CloseStack resources) {
    this.resources = resources;
    metrics = resources.push(new ServerMetrics(), ServerMetrics::close);
    database =
        config
            .database()
            .map(
                db ->
                    resources.push(
                        JdbcAppRegistry.start(db, config.apps()), JdbcAppRegistry::close));
    apps =
        new ReloadableApps(
            database.<List<App>>map(db -> List.copyOf(db.all())).orElse(config.apps()));
    // Departures are marked in Redis only when webhooks may ask whether someone came back.
    boolean markDepartures = HttpWebhookSender.anyWebhooks(apps);
    redis =
        config
            .redis()
            .map(r -> resources.push(RedisCluster.connect(r, markDepartures), RedisCluster::close));
    // The one timer thread: subscription counts, the heartbeat, the webhooks' delays and retries.
    timers = resources.push(new ExecutorScheduler(), ExecutorScheduler::close);
    webhooks =
        HttpWebhookSender.forApps(
                apps,
                clock,
                WebhookSettings.DEFAULTS,
                redis.map(RedisCluster::comebacks).orElse(Comebacks.LOCAL),
                timers)
            .map(sender -> resources.push(sender, HttpWebhookSender::close));
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
    listeners.add(
        event -> {
          if (event instanceof LifecycleEvent.ConnectionClosed closed) {
            metrics.disconnected(closed.appId(), closed.closeCode());
          }
        });
    webhooks.ifPresent(listeners::add);
    // Closed after the transport: the last vacated channels reach the webhooks.
    lifecycle =
        resources.push(
            new LifecycleDispatcher(listeners, LIFECYCLE_QUEUE), LifecycleDispatcher::close);
    monitor = new MonitorFeed(clock);
    webhooks.ifPresent(sender -> sender.onOutcome(monitor::webhook));
    // The monitor hears events where they happen, before the dispatcher's queue, so that it costs
    // nothing (not even a queued event) while nobody watches.
    LifecycleListener events =
        event -> {
          monitor.on(event);
          lifecycle.on(event);
        };
    cluster =
        redis
            .map(r -> resources.push(r.start(node, events, apps, clock, timers), c -> r.leave()))
            .orElseGet(() -> Cluster.singleNode(node));
    broker = resources.push(cluster.broker(), Broker::close);
    publisher = new EventPublisher(broker, cluster.cache(), clock, monitor);
    PusherProtocol protocol =
        new PusherProtocol(
            config.protocol(), apps, channels, cluster, signedIn, events, timers, clock);
    Readiness clusterReadiness =
        redis.<Readiness>map(r -> () -> redisProblem(r.health())).orElse(Readiness.ALWAYS);
    Readiness readiness =
        () ->
            draining
                ? Optional.of("draining: this node is shutting down; connect to another")
                : clusterReadiness.problem();
    meters = new ServerMeters(metrics, protocol, channels);
    meters.perApp(appIds());
    meters.node(transport, lifecycle, webhooks, redis);
    MessageCounts messages = channels.messages();
    DebugConsole console =
        new DebugConsole(
            ConsoleAccess.of(config.adminToken(), DevelopmentApp.isAmong(config.apps())),
            protocol::openConnections,
            messages::receivedFrom,
            messages::deliveredTo,
            this::reloadFromSource);
    HttpApi api =
        new HttpApi(
            apps,
            cluster,
            publisher,
            readiness,
            metrics::scrape,
            monitor,
            Optional.of(console),
            clock);
    // Pushed before it starts: a start that fails halfway (TLS files, the bind) frees its loops.
    resources.push(transport::close);
    address = transport.start(protocol, api);
    // A refresh of the database that changed its apps is a reload.
    database.ifPresent(db -> db.onChange(this::apply));
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
    CloseStack resources = new CloseStack();
    try {
      return new HeraldServer(config, clock, listeners, resources);
    } catch (Throwable e) { // also what Netty throws unchecked, e.g. the bind's IOException
      resources.closeAfter(e);
      throw e;
    }
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

  /**
   * Stops accepting, closes every connection and frees the threads, in the reverse order of the
   * start: transport, broker, leaving the cluster (the last leaves are counted and announced),
   * lifecycle events, webhooks (which may ask the cluster about comebacks), timers, Redis, metrics.
   * Blocks until done; a second call does nothing.
   */
  @Override
  public void close() {
    resources.close();
  }

  /**
   * Serves {@code newApps} from now on, as a configuration reload (SIGHUP) asks, without dropping
   * connections: connections of apps removed, disabled or given another key are closed with 4003;
   * those of changed apps take the new limits and features at once; new connections and API calls
   * see the new apps. Server-wide settings (address, TLS, Redis, connection limits) need a restart.
   * Webhook endpoints are read per event, so they change too, except that a server started without
   * any webhook has no sender to start.
   *
   * <p>With a database, {@code newApps} are the file's apps; the table is read again with them.
   *
   * @throws IllegalArgumentException when two apps share an id or a key; nothing changes then
   * @throws IllegalStateException when the apps database cannot be read; nothing changes then
   */
  public ReloadableApps.Changes reload(List<App> newApps) {
    return apply(database.map(db -> db.reloadFileApps(newApps)).orElse(newApps));
  }

  /**
   * Where {@code POST /console/api/reload} (and {@code herald reload}) reads the apps again: {@code
   * herald serve} sets its configuration file here. Without one, such a request answers 409.
   */
  public void reloadFrom(Supplier<List<App>> source) {
    this.reloadSource = source;
  }

  private ReloadableApps.Changes reloadFromSource() {
    Supplier<List<App>> source = reloadSource;
    if (source == null) {
      throw new IllegalStateException(
          "this server was not started by herald serve: it has no configuration to reload");
    }
    return reload(source.get());
  }

  /** Serves {@code newApps} (the file's and the database's) and applies what changed. */
  private ReloadableApps.Changes apply(List<App> newApps) {
    ReloadableApps.Changes changes = apps.replace(newApps);
    transport.reapply(changes.gone(), changes.changed());
    meters.perApp(ids(changes.added()));
    log.info(
        "reloaded: {} apps; added {}, changed {}, closed {}",
        newApps.size(),
        ids(changes.added()),
        ids(changes.changed()),
        ids(changes.gone()));
    return changes;
  }

  private static List<String> ids(List<App> apps) {
    return apps.stream().map(App::id).toList();
  }

  /**
   * Shuts down gracefully, as on SIGTERM: {@code GET /ready} answers 503 at once and new
   * connections are refused, so a load balancer moves clients to other nodes; every open connection
   * is closed with 4200 (reconnect at once) at a random moment within {@code window}, so they do
   * not all come back in one wave; then the node {@link #close closes}: the last lifecycle events
   * and webhooks are delivered and the cluster forgets this node's presence members. Blocks until
   * done: at most {@code window} and a few seconds.
   */
  public void drain(Duration window) {
    draining = true;
    log.info("draining: closing the open connections over {} s", window.toSeconds());
    try {
      transport.drain(window).get(window.toMillis() + DRAIN_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      log.warn("draining: not every connection closed in time; closing the rest now");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    close();
    log.info("drained");
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
}
