package dev.herald.server;

import dev.herald.Broadcast;
import dev.herald.Broadcaster;
import dev.herald.EncryptionMasterKey;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Herald server running inside the application, and the broadcaster that publishes to it
 * in-process: no HTTP hop, no request signing, and no chance of the app blocking its own server's
 * event loop with an HTTP call to itself. Clients connect to {@link #port()} as to any Herald.
 *
 * <pre>{@code
 * try (EmbeddedHerald herald = HeraldServer.embedded(config)) {
 *   herald.broadcast(new OrderShipped(42, "DHL"));
 * }
 * }</pre>
 *
 * <p>As a {@link Broadcaster} it publishes to the first configured app; {@link
 * #broadcaster(String)} gives one for any app. Broadcasting follows the HTTP API's rules (the app's
 * payload and name limits), and is complete when the event has been handed to the channels' event
 * loops. {@link #close()} stops the server. Thread-safe.
 */
public final class EmbeddedHerald implements Broadcaster {
  private final HeraldServer server;
  private final Optional<EncryptionMasterKey> masterKey;
  private final Broadcaster first;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedHerald(HeraldServer server, Optional<EncryptionMasterKey> masterKey) {
    this.server = server;
    this.masterKey = masterKey;
    this.first = server.broadcaster(server.appIds().get(0), masterKey);
  }

  /** Starts the server; see {@link HeraldServer#embedded(ServerConfig)}. */
  static EmbeddedHerald start(ServerConfig config, Optional<EncryptionMasterKey> masterKey) {
    if (config.apps().isEmpty()) {
      throw new IllegalArgumentException("an embedded Herald needs at least one app");
    }
    return new EmbeddedHerald(HeraldServer.start(config), masterKey);
  }

  /**
   * A broadcaster to the app with this id; closing it leaves the server running.
   *
   * @throws IllegalArgumentException when no app has this id
   */
  public Broadcaster broadcaster(String appId) {
    return server.broadcaster(appId, masterKey);
  }

  /** Publishes to the first configured app; see {@link Broadcaster#broadcast(Broadcast)}. */
  @Override
  public CompletableFuture<Void> broadcast(Broadcast broadcast) {
    return first.broadcast(broadcast);
  }

  /**
   * Completes at once while the server runs.
   *
   * @throws IllegalStateException after {@link #close()}
   */
  @Override
  public CompletableFuture<Void> ping() {
    if (closed.get()) {
      throw new IllegalStateException("the embedded Herald server is stopped");
    }
    return CompletableFuture.completedFuture(null);
  }

  /** The server, for its address. */
  public HeraldServer server() {
    return server;
  }

  /** The port clients connect to. */
  public int port() {
    return server.port();
  }

  /**
   * Stops the server (every client is told to reconnect) and refuses further broadcasts. Blocks
   * until the server has stopped; idempotent.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      first.close();
      server.close();
    }
  }
}
