package dev.herald.server.config;

import static java.util.Objects.requireNonNullElse;

import dev.herald.server.LogFormat;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.netty.ConnectionLimits;
import dev.herald.server.protocol.ProtocolSettings;
import dev.herald.server.redis.RedisSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * {@code herald.yml} as written, bound by Jackson ({@link ConfigFile}): one component per key, the
 * key being the component's name in snake_case, null when the key is absent or empty. The
 * components are declared in the order the README lists the keys, which is also the order an
 * unknown-key error lists them in.
 */
record HeraldFile(
    String host,
    Integer port,
    Integer eventLoopThreads,
    Integer activityTimeout,
    Integer pongTimeout,
    Integer maxMessageBytes,
    Integer maxRequestBytes,
    Long maxOutboundBytes,
    Integer handshakeTimeout,
    Integer maxHeaderBytes,
    Integer maxConnectionsPerIp,
    Integer newConnectionsPerIpPerSecond,
    List<String> trustedProxies,
    Integer drainSeconds,
    String logFormat,
    String adminToken,
    RedisSection redis,
    TlsSection tls,
    DatabaseSection database,
    List<AppSection> apps) {

  /** An empty file: every setting keeps its default, no apps. */
  static final HeraldFile EMPTY =
      new HeraldFile(
          null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
          null, null, null, null, null);

  HeraldFile {
    host = Scalars.text(host);
    adminToken = Scalars.text(adminToken);
    apps = apps == null ? List.of() : Collections.unmodifiableList(apps);
  }

  private LogFormat logFormat(Where where) {
    try {
      return LogFormat.of(logFormat);
    } catch (IllegalArgumentException e) {
      throw where.invalid("log_format", e.getMessage());
    }
  }

  private ConnectionLimits connectionLimits(ConnectionLimits d, Where where) {
    if (trustedProxies != null) {
      for (int i = 0; i < trustedProxies.size(); i++) {
        if (Scalars.text(trustedProxies.get(i)) == null) {
          throw where.invalid("trusted_proxies", "item " + i + " is empty");
        }
      }
    }
    return where.build(
        () ->
            new ConnectionLimits(
                handshakeTimeout == null
                    ? d.handshakeTimeout()
                    : Duration.ofSeconds(handshakeTimeout),
                requireNonNullElse(maxHeaderBytes, d.maxHeaderBytes()),
                requireNonNullElse(maxConnectionsPerIp, d.maxConnectionsPerIp()),
                requireNonNullElse(newConnectionsPerIpPerSecond, d.newConnectionsPerIpPerSecond()),
                requireNonNullElse(trustedProxies, d.trustedProxies())));
  }

  /**
   * The server configuration this file describes, each absent key taken from {@code defaults}; the
   * app list is empty when the file has none.
   *
   * @throws ConfigException naming the key (or section) of the first invalid value
   */
  ServerConfig over(ServerConfig defaults, Where where) {
    ProtocolSettings d = defaults.protocol();
    ProtocolSettings protocol =
        where.build(
            () ->
                new ProtocolSettings(
                    requireNonNullElse(activityTimeout, d.activityTimeoutSeconds()),
                    requireNonNullElse(pongTimeout, d.pongTimeoutSeconds()),
                    d.minProtocol(),
                    d.maxProtocol()));
    List<App> apps = new ArrayList<>();
    for (int i = 0; i < this.apps.size(); i++) {
      apps.add(AppSection.app(this.apps.get(i), where.item("apps", i)));
    }
    Optional<RedisSettings> redis =
        this.redis == null
            ? defaults.redis()
            : Optional.of(this.redis.settings(where.child("redis")));
    return where.build(
        () ->
            new ServerConfig(
                requireNonNullElse(host, defaults.host()),
                requireNonNullElse(port, defaults.port()),
                requireNonNullElse(eventLoopThreads, defaults.eventLoopThreads()),
                apps,
                protocol,
                requireNonNullElse(maxMessageBytes, defaults.maxMessageBytes()),
                requireNonNullElse(maxRequestBytes, defaults.maxRequestBytes()),
                requireNonNullElse(maxOutboundBytes, defaults.maxOutboundBytes()),
                defaults.livenessCheckMillis(),
                redis,
                tls == null ? defaults.tls() : Optional.of(tls.settings(where.child("tls"))),
                connectionLimits(defaults.connectionLimits(), where),
                requireNonNullElse(drainSeconds, defaults.drainSeconds()),
                database == null
                    ? defaults.database()
                    : Optional.of(database.settings(where.child("database"))),
                logFormat == null ? defaults.logFormat() : logFormat(where),
                adminToken == null ? defaults.adminToken() : Optional.of(adminToken)));
  }
}
