package dev.herald.server;

import dev.herald.server.api.HttpApi;
import dev.herald.server.app.AppRegistry;
import dev.herald.server.app.StaticAppRegistry;
import dev.herald.server.broker.Broker;
import dev.herald.server.broker.LocalBroker;
import dev.herald.server.channel.ChannelRegistry;
import dev.herald.server.lifecycle.LifecycleDispatcher;
import dev.herald.server.lifecycle.LifecycleListener;
import dev.herald.server.netty.NettyServer;
import dev.herald.server.netty.NettySettings;
import dev.herald.server.presence.MemoryPresenceStore;
import dev.herald.server.presence.PresenceStore;
import dev.herald.server.protocol.PusherProtocol;
import dev.herald.server.webhook.HttpWebhookSender;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A running Herald server: the composition root that wires apps, channels, presence, the broker,
 * the protocol, the HTTP API and the transport. Start one with {@link #start(ServerConfig)}; close
 * it to stop. Thread-safe.
 */
public final class HeraldServer implements AutoCloseable {
  private final NettyServer transport;
  private final InetSocketAddress address;
  private final Broker broker;
  private final Optional<HttpWebhookSender> webhooks;
  private final LifecycleDispatcher lifecycle;

  private HeraldServer(ServerConfig config, Clock clock) {
    AppRegistry apps = new StaticAppRegistry(config.apps());
    webhooks = HttpWebhookSender.forApps(apps, clock);
    lifecycle =
        new LifecycleDispatcher(
            webhooks.<List<LifecycleListener>>map(List::of).orElse(List.of()), 10_000);
    transport =
        new NettyServer(
            new NettySettings(
                config.host(),
                config.port(),
                config.eventLoopThreads(),
                config.maxMessageBytes(),
                config.maxRequestBytes(),
                config.maxOutboundBytes(),
                config.livenessCheckMillis()));
    ChannelRegistry channels = new ChannelRegistry(transport.frameEncoder());
    PresenceStore presence = new MemoryPresenceStore();
    broker = new LocalBroker(channels);
    PusherProtocol protocol =
        new PusherProtocol(config.protocol(), apps, channels, presence, broker, clock);
    HttpApi api = new HttpApi(apps, channels, presence, broker, clock);
    address = transport.start(protocol, api);
  }

  /** Starts a server with the system clock; returns once the port is bound. */
  public static HeraldServer start(ServerConfig config) {
    return start(config, Clock.systemUTC());
  }

  /** Starts a server whose protocol and API read time from {@code clock}. */
  public static HeraldServer start(ServerConfig config, Clock clock) {
    return new HeraldServer(config, clock);
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
    lifecycle.close(); // after the transport: the last vacated channels reach the webhooks
    webhooks.ifPresent(HttpWebhookSender::close);
  }
}
