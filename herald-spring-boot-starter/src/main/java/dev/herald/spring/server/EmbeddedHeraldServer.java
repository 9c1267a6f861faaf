package dev.herald.spring.server;

import dev.herald.Broadcaster;
import dev.herald.server.EmbeddedHerald;
import dev.herald.server.HeraldServer;
import dev.herald.spring.BroadcasterSource;

/**
 * The Herald server started inside the app by {@code herald.server.enabled=true}: clients connect
 * to its {@link #port()} (also published as the property {@code local.herald.port}), and the
 * auto-configured {@link Broadcaster} publishes to it in-process. Stopped with the application
 * context (clients are told to reconnect).
 */
public final class EmbeddedHeraldServer implements BroadcasterSource, AutoCloseable {
  private final EmbeddedHerald herald;
  private final String appId;

  EmbeddedHeraldServer(EmbeddedHerald herald, String appId) {
    this.herald = herald;
    this.appId = appId;
  }

  /** The port clients connect to. */
  public int port() {
    return herald.port();
  }

  /** The server. */
  public HeraldServer server() {
    return herald.server();
  }

  /** A broadcaster to the app; closing it leaves the server running. */
  @Override
  public Broadcaster broadcaster() {
    return herald.broadcaster(appId);
  }

  /** Stops the server; idempotent. */
  @Override
  public void close() {
    herald.close();
  }
}
