package dev.herald.server.protocol;

import dev.herald.pusher.Signatures;
import dev.herald.server.app.App;
import dev.herald.server.app.AppFeatures;
import dev.herald.server.app.AppLimits;
import dev.herald.server.app.StaticAppRegistry;
import dev.herald.server.broker.LocalBroker;
import dev.herald.server.cache.MemoryCacheStore;
import dev.herald.server.channel.ChannelRegistry;
import dev.herald.server.channel.MemoryOccupancyStore;
import dev.herald.server.cluster.Cluster;
import dev.herald.server.lifecycle.LifecycleEvent;
import dev.herald.server.presence.MemoryOnlineUserStore;
import dev.herald.server.presence.MemoryPresenceStore;
import dev.herald.server.testing.DirectLoop;
import dev.herald.server.testing.FakeConnection;
import dev.herald.server.testing.ManualScheduler;
import dev.herald.server.testing.MutableClock;
import dev.herald.server.testing.RecordingFrames;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A protocol wired to in-memory parts, with fake connections on one direct loop. */
final class ProtocolFixture {
  static final App APP = App.of("1", "app-key", "app-secret");
  static final App NO_CLIENT_EVENTS =
      new App("2", "quiet-key", "quiet-secret", true, false, AppLimits.DEFAULTS);
  static final App DISABLED =
      new App("3", "off-key", "off-secret", false, true, AppLimits.DEFAULTS);
  static final App SMALL =
      new App(
          "4",
          "small-key",
          "small-secret",
          true,
          true,
          new AppLimits(2, 64, 20, 100, 10, 2, 40, 8, 3));

  /** Watchlist and subscription count events on, 10-minute cache TTL. */
  static final App FEATURES =
      App.of("6", "features-key", "features-secret")
          .withFeatures(
              new AppFeatures(true, true, Duration.ZERO, Duration.ofMinutes(10), Duration.ZERO));

  /** Connections must sign in or join a private channel within 5 s. */
  static final App AUTHORIZED =
      App.of("7", "authorized-key", "authorized-secret")
          .withFeatures(
              new AppFeatures(
                  false, false, Duration.ofSeconds(5), Duration.ofMinutes(30), Duration.ZERO));

  /** Unlimited connections, but 2 members, 8-char user ids, 40-byte user info, 64-byte events. */
  static final App TIGHT =
      new App(
          "5",
          "tight-key",
          "tight-secret",
          true,
          true,
          new AppLimits(0, 64, 20, 100, 10, 2, 40, 8, 3));

  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  final RecordingFrames frames = new RecordingFrames();
  final ChannelRegistry channels = new ChannelRegistry(frames);
  final MemoryPresenceStore presence = new MemoryPresenceStore();
  final MemoryCacheStore cache = new MemoryCacheStore();
  final SignedInUsers signedIn = new SignedInUsers();
  final Cluster cluster;
  final List<LifecycleEvent> events = new ArrayList<>();
  final ManualScheduler scheduler = new ManualScheduler(clock);
  final PusherProtocol protocol;
  private final DirectLoop loop = new DirectLoop();
  private int sockets;

  ProtocolFixture() {
    this(UnaryOperator.identity());
  }

  /**
   * A fixture whose protocol uses {@code change} of the in-memory cluster (e.g. a failing store).
   */
  ProtocolFixture(UnaryOperator<Cluster> change) {
    cluster =
        change.apply(
            new Cluster(
                new LocalBroker(new NodeDelivery(channels, signedIn)),
                presence,
                new MemoryOccupancyStore(),
                new MemoryOnlineUserStore(),
                cache));
    protocol =
        new PusherProtocol(
            ProtocolSettings.DEFAULTS,
            new StaticAppRegistry(
                List.of(APP, NO_CLIENT_EVENTS, DISABLED, SMALL, TIGHT, FEATURES, AUTHORIZED)),
            channels,
            cluster,
            signedIn,
            events::add,
            scheduler,
            clock);
  }

  FakeConnection connect() {
    return connect(APP);
  }

  FakeConnection connect(App app) {
    App admitted = protocol.admit("/app/" + app.key(), Map.of("protocol", List.of("7")));
    sockets++;
    FakeConnection conn =
        new FakeConnection(admitted, "1000." + sockets, protocol.newState(), loop);
    protocol.onOpen(conn);
    conn.clear();
    return conn;
  }

  void send(FakeConnection conn, String json) {
    protocol.onMessage(conn, json);
  }

  void subscribe(FakeConnection conn, String channel) {
    App app = conn.app();
    String auth =
        channel.startsWith("private-")
            ? Signatures.channelAuth(app.key(), app.secret(), conn.socketId(), channel, null)
            : null;
    send(
        conn,
        "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\""
            + channel
            + "\""
            + (auth == null ? "" : ",\"auth\":\"" + auth + "\"")
            + "}}");
  }

  void joinPresence(FakeConnection conn, String channel, String channelData) {
    App app = conn.app();
    String auth =
        Signatures.channelAuth(app.key(), app.secret(), conn.socketId(), channel, channelData);
    send(
        conn,
        "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\""
            + channel
            + "\",\"auth\":\""
            + auth
            + "\",\"channel_data\":"
            + quote(channelData)
            + "}}");
  }

  /** Signs {@code conn} in with {@code userData} (a JSON object string), correctly signed. */
  void signin(FakeConnection conn, String userData) {
    App app = conn.app();
    String auth = Signatures.userAuth(app.key(), app.secret(), conn.socketId(), userData);
    send(
        conn,
        "{\"event\":\"pusher:signin\",\"data\":{\"auth\":\""
            + auth
            + "\",\"user_data\":"
            + quote(userData)
            + "}}");
  }

  static String quote(String s) {
    return dev.herald.pusher.PusherJson.mapper().getNodeFactory().textNode(s).toString();
  }
}
