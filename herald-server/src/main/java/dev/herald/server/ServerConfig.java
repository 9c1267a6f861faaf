package dev.herald.server;

import dev.herald.server.app.App;
import dev.herald.server.database.DatabaseSettings;
import dev.herald.server.netty.ConnectionLimits;
import dev.herald.server.netty.TlsSettings;
import dev.herald.server.protocol.ProtocolSettings;
import dev.herald.server.redis.RedisSettings;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a Herald server needs to start. Defaults live in {@link #DEFAULTS}, the one place they
 * are defined; the YAML file, environment variables and CLI flags override them.
 *
 * @param host the address to bind (default 127.0.0.1 for the development app, else 0.0.0.0)
 * @param port the port for WebSocket clients and the HTTP API (default 6001; 0 picks a free one)
 * @param eventLoopThreads Netty worker threads (0 = one per core)
 * @param apps the apps served
 * @param protocol activity and pong timeouts, accepted protocol versions
 * @param maxMessageBytes the largest WebSocket message a client may send
 * @param maxRequestBytes the largest HTTP API request body
 * @param maxOutboundBytes unsent bytes a client may accumulate before it is closed with 4100
 * @param livenessCheckMillis how often connections are checked for silence
 * @param redis the Redis that makes this node one of a cluster; empty for a single node
 * @param tls the certificate that turns the port into wss:// and https://; empty for plain
 * @param connectionLimits handshake timeout, header size, per-address limits, trusted proxies
 * @param drainSeconds how long a graceful shutdown (SIGTERM) spreads its 4200 closes over
 * @param database the table more apps are loaded from, next to {@link #apps()}; empty for none
 * @param adminToken the bearer token of the admin endpoints (the debug console, {@code herald
 *     reload}); empty: they are off (in development mode the console is open on loopback)
 * @param logFormat how {@code herald serve} writes its log (an embedded server logs through the
 *     application's logging)
 */
public record ServerConfig(
    String host,
    int port,
    int eventLoopThreads,
    List<App> apps,
    ProtocolSettings protocol,
    int maxMessageBytes,
    int maxRequestBytes,
    long maxOutboundBytes,
    long livenessCheckMillis,
    Optional<RedisSettings> redis,
    Optional<TlsSettings> tls,
    ConnectionLimits connectionLimits,
    int drainSeconds,
    Optional<DatabaseSettings> database,
    LogFormat logFormat,
    Optional<String> adminToken) {

  /** The defaults, with no apps. */
  public static final ServerConfig DEFAULTS =
      new ServerConfig(
          "0.0.0.0",
          6001,
          0,
          List.of(),
          ProtocolSettings.DEFAULTS,
          64 * 1024,
          1024 * 1024,
          4L * 1024 * 1024,
          1000,
          Optional.empty(),
          Optional.empty(),
          ConnectionLimits.DEFAULTS,
          10,
          Optional.empty(),
          LogFormat.TEXT,
          Optional.empty());

  public ServerConfig {
    Objects.requireNonNull(host, "host");
    apps = List.copyOf(apps);
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(redis, "redis");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(connectionLimits, "connectionLimits");
    if (drainSeconds < 0) {
      throw new IllegalArgumentException("drain seconds must be 0 or more, was " + drainSeconds);
    }
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(logFormat, "logFormat");
    Objects.requireNonNull(adminToken, "adminToken");
    adminToken.ifPresent(
        token -> {
          if (token.length() < 16) {
            throw new IllegalArgumentException(
                "the admin token must be at least 16 characters (herald apps new prints a strong"
                    + " secret you can use)");
          }
        });
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    if (maxMessageBytes < 1024 || maxRequestBytes < 1024 || maxOutboundBytes < 64 * 1024) {
      throw new IllegalArgumentException(
          "maxMessageBytes and maxRequestBytes must be at least 1024, maxOutboundBytes 65536");
    }
  }

  /** A copy with other apps. */
  public ServerConfig withApps(List<App> newApps) {
    Copy copy = new Copy(this);
    copy.apps = newApps;
    return copy.build();
  }

  /** A copy bound to another host and port. */
  public ServerConfig withAddress(String newHost, int newPort) {
    Copy copy = new Copy(this);
    copy.host = newHost;
    copy.port = newPort;
    return copy.build();
  }

  /** A copy with other protocol settings. */
  public ServerConfig withProtocol(ProtocolSettings newProtocol) {
    Copy copy = new Copy(this);
    copy.protocol = newProtocol;
    return copy.build();
  }

  /** A copy that joins the cluster on this Redis (or, with null, runs as a single node). */
  public ServerConfig withRedis(RedisSettings newRedis) {
    Copy copy = new Copy(this);
    copy.redis = Optional.ofNullable(newRedis);
    return copy.build();
  }

  /** A copy that serves wss:// and https:// with this certificate. */
  public ServerConfig withTls(TlsSettings newTls) {
    Copy copy = new Copy(this);
    copy.tls = Optional.of(newTls);
    return copy.build();
  }

  /** A copy with other handshake, header and per-address limits. */
  public ServerConfig withConnectionLimits(ConnectionLimits newLimits) {
    Copy copy = new Copy(this);
    copy.connectionLimits = newLimits;
    return copy.build();
  }

  /** A copy that drains over {@code seconds} on SIGTERM. */
  public ServerConfig withDrainSeconds(int seconds) {
    Copy copy = new Copy(this);
    copy.drainSeconds = seconds;
    return copy.build();
  }

  /** A copy that also serves the apps of this database table (or, with null, none). */
  public ServerConfig withDatabase(DatabaseSettings newDatabase) {
    Copy copy = new Copy(this);
    copy.database = Optional.ofNullable(newDatabase);
    return copy.build();
  }

  /** A copy that logs (as {@code herald serve}) in {@code format}. */
  public ServerConfig withLogFormat(LogFormat format) {
    Copy copy = new Copy(this);
    copy.logFormat = format;
    return copy.build();
  }

  /** A copy whose admin endpoints (the console, {@code herald reload}) accept {@code token}. */
  public ServerConfig withAdminToken(String token) {
    Copy copy = new Copy(this);
    copy.adminToken = Optional.ofNullable(token);
    return copy.build();
  }

  /** The components of a config, one of them changed by a {@code with…} method. */
  private static final class Copy {
    private String host;
    private int port;
    private int eventLoopThreads;
    private List<App> apps;
    private ProtocolSettings protocol;
    private int maxMessageBytes;
    private int maxRequestBytes;
    private long maxOutboundBytes;
    private long livenessCheckMillis;
    private Optional<RedisSettings> redis;
    private Optional<TlsSettings> tls;
    private ConnectionLimits connectionLimits;
    private int drainSeconds;
    private Optional<DatabaseSettings> database;
    private LogFormat logFormat;
    private Optional<String> adminToken;

    Copy(ServerConfig config) {
      host = config.host;
      port = config.port;
      eventLoopThreads = config.eventLoopThreads;
      apps = config.apps;
      protocol = config.protocol;
      maxMessageBytes = config.maxMessageBytes;
      maxRequestBytes = config.maxRequestBytes;
      maxOutboundBytes = config.maxOutboundBytes;
      livenessCheckMillis = config.livenessCheckMillis;
      redis = config.redis;
      tls = config.tls;
      connectionLimits = config.connectionLimits;
      drainSeconds = config.drainSeconds;
      database = config.database;
      logFormat = config.logFormat;
      adminToken = config.adminToken;
    }

    ServerConfig build() {
      return new ServerConfig(
          host,
          port,
          eventLoopThreads,
          apps,
          protocol,
          maxMessageBytes,
          maxRequestBytes,
          maxOutboundBytes,
          livenessCheckMillis,
          redis,
          tls,
          connectionLimits,
          drainSeconds,
          database,
          logFormat,
          adminToken);
    }
  }

  /** The address, apps and cluster; never a secret (apps print without theirs, no admin token). */
  @Override
  public String toString() {
    return "ServerConfig[host="
        + host
        + ", port="
        + port
        + ", apps="
        + apps
        + ", redis="
        + redis.map(r -> RedisSettings.redacted(r.url())).orElse("none")
        + ", tls="
        + tls.isPresent()
        + ", adminToken="
        + (adminToken.isPresent() ? "***" : "none")
        + "]";
  }
}
