package dev.herald.server;

import dev.herald.Broadcast;
import dev.herald.Broadcaster;
import dev.herald.BroadcasterDriver;
import dev.herald.DriverSettings;
import dev.herald.EncryptionMasterKey;
import dev.herald.server.app.App;
import dev.herald.server.app.AppLimits;
import dev.herald.server.app.DevelopmentApp;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The {@code embedded} driver of {@link dev.herald.Broadcasters}: starts a Herald server inside the
 * app and broadcasts to it in-process. Settings: {@code host} (127.0.0.1), {@code port} (6001),
 * {@code app-id}, {@code app-key}, {@code app-secret} (the development app when none is set),
 * {@code max-payload-bytes}, {@code encryption-master-key}. Closing the broadcaster stops the
 * server. Found by {@link java.util.ServiceLoader}; stateless and thread-safe.
 */
public final class EmbeddedDriver implements BroadcasterDriver {
  /** For {@link java.util.ServiceLoader}. */
  public EmbeddedDriver() {}

  /** {@code embedded}. */
  @Override
  public String name() {
    return "embedded";
  }

  /**
   * Starts the server and returns it as a broadcaster.
   *
   * @throws IllegalArgumentException when a setting is missing or invalid
   * @throws IllegalStateException when the port cannot be bound
   */
  @Override
  public Broadcaster create(DriverSettings s) {
    boolean development =
        s.find("app-id").isEmpty() && s.find("app-key").isEmpty() && s.find("app-secret").isEmpty();
    AppLimits d = AppLimits.DEFAULTS;
    AppLimits limits =
        new AppLimits(
            d.maxConnections(),
            s.intValue("max-payload-bytes", Broadcast.DEFAULT_MAX_PAYLOAD_BYTES),
            d.maxEventNameLength(),
            d.maxChannelsPerEvent(),
            d.maxBatchSize(),
            d.maxPresenceMembers(),
            d.maxPresenceUserInfoBytes(),
            d.maxPresenceUserIdLength(),
            d.clientEventsPerSecond());
    App app =
        development
            ? new App(
                DevelopmentApp.ID, DevelopmentApp.KEY, DevelopmentApp.SECRET, true, true, limits)
            : new App(
                s.required("app-id"),
                s.required("app-key"),
                s.required("app-secret"),
                true,
                true,
                limits);
    String host = s.get("host", DevelopmentApp.HOST);
    if (development && !isLoopback(host)) {
      throw new IllegalArgumentException(
          "the development app's secret is public: set "
              + s.describe("app-secret")
              + " (and the app id and key) to listen on "
              + host);
    }
    ServerConfig config =
        ServerConfig.DEFAULTS.withAddress(host, s.intValue("port", 6001)).withApps(List.of(app));
    if (s.find("encryption-master-key").isEmpty()) {
      return HeraldServer.embedded(config);
    }
    EncryptionMasterKey key;
    try {
      key = EncryptionMasterKey.fromBase64(s.required("encryption-master-key"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          s.describe("encryption-master-key") + ": " + e.getMessage());
    }
    return HeraldServer.embedded(config, key);
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
