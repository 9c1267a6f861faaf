package dev.herald.server.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.app.AppFeatures;
import dev.herald.server.app.AppLimits;
import dev.herald.server.app.Webhook;
import dev.herald.server.cluster.RedisSettings;
import dev.herald.server.protocol.ProtocolSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code herald.yml}: server settings and apps, snake_case keys. Absent keys keep the given
 * defaults; unknown keys and duplicate keys are errors, so a typo never goes unnoticed.
 */
final class YamlConfigFile {
  static final List<String> SERVER_KEYS =
      List.of(
          "host",
          "port",
          "event_loop_threads",
          "activity_timeout",
          "pong_timeout",
          "max_message_bytes",
          "max_request_bytes",
          "max_outbound_bytes",
          "redis",
          "apps");
  static final List<String> REDIS_KEYS = List.of("url", "prefix", "node_timeout_ms");
  static final List<String> APP_KEYS =
      List.of(
          "id",
          "key",
          "secret",
          "enabled",
          "client_events",
          "limits",
          "watchlist_events",
          "subscription_count_events",
          "authorized_connections_timeout",
          "cache_ttl",
          "webhook_batch_ms",
          "webhooks");
  static final List<String> LIMIT_KEYS =
      List.of(
          "max_connections",
          "max_event_payload_bytes",
          "max_event_name_length",
          "max_channels_per_event",
          "max_batch_size",
          "max_presence_members",
          "max_presence_user_info_bytes",
          "max_presence_user_id_length",
          "client_events_per_second");

  private final ObjectMapper yaml =
      new ObjectMapper(
          YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

  /**
   * The configuration in {@code file}, absent keys taken from {@code defaults}; the app list is
   * empty when the file has none.
   *
   * @throws ConfigException when the file is missing, unreadable or invalid
   */
  ServerConfig read(Path file, ServerConfig defaults) {
    YamlSection root = new YamlSection(parse(file), "", file);
    root.rejectUnknownKeys(SERVER_KEYS);
    ProtocolSettings protocolDefaults = defaults.protocol();
    int activityTimeout =
        root.integer("activity_timeout", protocolDefaults.activityTimeoutSeconds());
    int pongTimeout = root.integer("pong_timeout", protocolDefaults.pongTimeoutSeconds());
    ProtocolSettings protocol =
        root.build(
            () ->
                new ProtocolSettings(
                    activityTimeout,
                    pongTimeout,
                    protocolDefaults.minProtocol(),
                    protocolDefaults.maxProtocol()));
    List<App> apps = new ArrayList<>();
    for (YamlSection app : root.sections("apps")) {
      apps.add(app(app));
    }
    String host = root.text("host").orElse(defaults.host());
    int port = root.integer("port", defaults.port());
    int threads = root.integer("event_loop_threads", defaults.eventLoopThreads());
    int maxMessage = root.integer("max_message_bytes", defaults.maxMessageBytes());
    int maxRequest = root.integer("max_request_bytes", defaults.maxRequestBytes());
    long maxOutbound = root.longInteger("max_outbound_bytes", defaults.maxOutboundBytes());
    Optional<RedisSettings> redis =
        root.section("redis").map(section -> redis(section)).or(defaults::redis);
    return root.build(
        () ->
            new ServerConfig(
                host,
                port,
                threads,
                apps,
                protocol,
                maxMessage,
                maxRequest,
                maxOutbound,
                defaults.livenessCheckMillis(),
                redis));
  }

  private RedisSettings redis(YamlSection section) {
    section.rejectUnknownKeys(REDIS_KEYS);
    section.requireKeys("url");
    String url = section.text("url").orElseThrow();
    String prefix = section.text("prefix").orElse(RedisSettings.DEFAULT_PREFIX);
    long timeout =
        section.longInteger("node_timeout_ms", RedisSettings.DEFAULT_NODE_TIMEOUT.toMillis());
    return section.build(() -> new RedisSettings(url, prefix, Duration.ofMillis(timeout)));
  }

  private App app(YamlSection section) {
    section.rejectUnknownKeys(APP_KEYS);
    section.requireKeys("id", "key", "secret");
    String id = section.text("id").orElseThrow();
    String key = section.text("key").orElseThrow();
    String secret = section.text("secret").orElseThrow();
    App defaults = App.of(id, key, secret);
    boolean enabled = section.bool("enabled", defaults.enabled());
    boolean clientEvents = section.bool("client_events", defaults.clientEvents());
    AppLimits limits = section.section("limits").map(this::limits).orElse(defaults.limits());
    AppFeatures features = features(section);
    List<Webhook> webhooks = YamlWebhooks.read(section);
    return section.build(
        () -> new App(id, key, secret, enabled, clientEvents, limits, features, webhooks));
  }

  private AppFeatures features(YamlSection section) {
    AppFeatures d = AppFeatures.DEFAULTS;
    boolean watchlist = section.bool("watchlist_events", d.watchlistEvents());
    boolean subscriptionCount =
        section.bool("subscription_count_events", d.subscriptionCountEvents());
    long authorizedTimeout =
        section.longInteger(
            "authorized_connections_timeout", d.authorizedConnectionTimeout().toSeconds());
    long cacheTtl = section.longInteger("cache_ttl", d.cacheTtl().toSeconds());
    if (cacheTtl == 0) {
      throw section.invalid("cache_ttl", "must be at least 1 (seconds), was 0");
    }
    long batchMillis = section.longInteger("webhook_batch_ms", d.webhookBatchWindow().toMillis());
    return section.build(
        () ->
            new AppFeatures(
                watchlist,
                subscriptionCount,
                Duration.ofSeconds(authorizedTimeout),
                Duration.ofSeconds(cacheTtl),
                Duration.ofMillis(batchMillis)));
  }

  private AppLimits limits(YamlSection section) {
    section.rejectUnknownKeys(LIMIT_KEYS);
    AppLimits d = AppLimits.DEFAULTS;
    int connections = section.integer("max_connections", d.maxConnections());
    int payload = section.integer("max_event_payload_bytes", d.maxEventPayloadBytes());
    int nameLength = section.integer("max_event_name_length", d.maxEventNameLength());
    int channels = section.integer("max_channels_per_event", d.maxChannelsPerEvent());
    int batch = section.integer("max_batch_size", d.maxBatchSize());
    int members = section.integer("max_presence_members", d.maxPresenceMembers());
    int userInfo = section.integer("max_presence_user_info_bytes", d.maxPresenceUserInfoBytes());
    int userId = section.integer("max_presence_user_id_length", d.maxPresenceUserIdLength());
    int clientEvents = section.integer("client_events_per_second", d.clientEventsPerSecond());
    return section.build(
        () ->
            new AppLimits(
                connections,
                payload,
                nameLength,
                channels,
                batch,
                members,
                userInfo,
                userId,
                clientEvents));
  }

  private JsonNode parse(Path file) {
    try {
      JsonNode tree = yaml.readTree(Files.readAllBytes(file));
      // An empty file is an empty mapping: every setting keeps its default.
      return tree == null || tree.isMissingNode() || tree.isNull() ? yaml.createObjectNode() : tree;
    } catch (NoSuchFileException e) {
      throw new ConfigException("Config file not found: " + file);
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          "Config file " + file + " is not valid YAML: " + problem(e) + location(e));
    } catch (IOException e) {
      throw new ConfigException("Cannot read config file " + file + ": " + e.getMessage());
    }
  }

  /**
   * The parser's description of the problem without the quoted lines of the file it may append
   * (indented), which could show a secret.
   */
  private static String problem(JsonProcessingException e) {
    return String.valueOf(e.getOriginalMessage())
        .lines()
        .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
        .collect(java.util.stream.Collectors.joining("; "));
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }
}
