package dev.herald.server.config;

import static dev.herald.server.config.EnvironmentVariables.ACTIVITY_TIMEOUT;
import static dev.herald.server.config.EnvironmentVariables.APP_CLIENT_EVENTS;
import static dev.herald.server.config.EnvironmentVariables.APP_ID;
import static dev.herald.server.config.EnvironmentVariables.APP_KEY;
import static dev.herald.server.config.EnvironmentVariables.APP_SECRET;
import static dev.herald.server.config.EnvironmentVariables.APP_WEBHOOK_URL;
import static dev.herald.server.config.EnvironmentVariables.DATABASE_PASSWORD;
import static dev.herald.server.config.EnvironmentVariables.DATABASE_URL;
import static dev.herald.server.config.EnvironmentVariables.DATABASE_USERNAME;
import static dev.herald.server.config.EnvironmentVariables.HOST;
import static dev.herald.server.config.EnvironmentVariables.PORT;
import static dev.herald.server.config.EnvironmentVariables.REDIS_NODE_TIMEOUT_MS;
import static dev.herald.server.config.EnvironmentVariables.REDIS_PREFIX;
import static dev.herald.server.config.EnvironmentVariables.REDIS_URL;
import static dev.herald.server.config.EnvironmentVariables.TLS_CERT_FILE;
import static dev.herald.server.config.EnvironmentVariables.TLS_KEY_FILE;

import dev.herald.server.LogFormat;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.app.Webhook;
import dev.herald.server.database.DatabaseSettings;
import dev.herald.server.netty.TlsSettings;
import dev.herald.server.protocol.ProtocolSettings;
import dev.herald.server.redis.RedisSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The {@code HERALD_*} environment variables (see {@link EnvironmentVariables}) applied over a
 * configuration. A variable set to an empty string counts as unset.
 */
final class EnvironmentSettings {
  private final Map<String, String> env;

  EnvironmentSettings(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  Optional<Path> configFile() {
    return get(EnvironmentVariables.CONFIG).map(Path::of);
  }

  /** Whether any single-app variable is set: then the environment describes an app. */
  boolean hasApp() {
    return Stream.of(APP_ID, APP_KEY, APP_SECRET, APP_CLIENT_EVENTS, APP_WEBHOOK_URL)
        .anyMatch(name -> get(name).isPresent());
  }

  /** Whether {@link EnvironmentVariables#DATABASE_URL} names a database to load apps from. */
  boolean hasDatabase() {
    return get(DATABASE_URL).isPresent();
  }

  /**
   * {@code config} with the host, port, activity timeout and the single app from the environment.
   * The app replaces the credentials of the configured app with the same id (keeping its limits and
   * features, and its webhooks unless {@link EnvironmentVariables#APP_WEBHOOK_URL} is set), or is
   * added.
   *
   * @throws ConfigException naming the variable when a value is invalid or app variables are
   *     missing
   */
  ServerConfig apply(ServerConfig config) {
    ServerConfig result = config;
    Optional<String> host = get(HOST);
    if (host.isPresent()) {
      ServerConfig current = result;
      result = build(HOST, () -> current.withAddress(host.get(), current.port()));
    }
    Optional<Integer> port = integer(PORT);
    if (port.isPresent()) {
      ServerConfig current = result;
      result = build(PORT, () -> current.withAddress(current.host(), port.get()));
    }
    Optional<Integer> activityTimeout = integer(ACTIVITY_TIMEOUT);
    if (activityTimeout.isPresent()) {
      ServerConfig current = result;
      ProtocolSettings p = current.protocol();
      result =
          build(
              ACTIVITY_TIMEOUT,
              () ->
                  current.withProtocol(
                      new ProtocolSettings(
                          activityTimeout.get(),
                          p.pongTimeoutSeconds(),
                          p.minProtocol(),
                          p.maxProtocol())));
    }
    result = withRedis(result);
    result = withTls(result);
    Optional<String> adminToken = get(EnvironmentVariables.ADMIN_TOKEN);
    if (adminToken.isPresent()) {
      ServerConfig current = result;
      result =
          build(EnvironmentVariables.ADMIN_TOKEN, () -> current.withAdminToken(adminToken.get()));
    }
    Optional<String> logFormat = get(EnvironmentVariables.LOG_FORMAT);
    if (logFormat.isPresent()) {
      ServerConfig current = result;
      result =
          build(
              EnvironmentVariables.LOG_FORMAT,
              () -> current.withLogFormat(LogFormat.of(logFormat.get())));
    }
    result = withDatabase(result);
    return hasApp() ? result.withApps(withEnvironmentApp(result.apps())) : result;
  }

  /** The Redis settings from HERALD_REDIS_*, over those of the config file. */
  private ServerConfig withRedis(ServerConfig config) {
    Optional<String> url = get(REDIS_URL);
    Optional<String> prefix = get(REDIS_PREFIX);
    Optional<Integer> timeout = integer(REDIS_NODE_TIMEOUT_MS);
    if (url.isEmpty() && config.redis().isEmpty()) {
      if (prefix.isPresent() || timeout.isPresent()) {
        throw new ConfigException(
            (prefix.isPresent() ? REDIS_PREFIX : REDIS_NODE_TIMEOUT_MS)
                + " is set but no Redis is configured: set "
                + REDIS_URL
                + " too");
      }
      return config;
    }
    RedisSettings base =
        url.map(
                u ->
                    config
                        .redis()
                        .map(r -> new RedisSettings(u, r.prefix(), r.nodeTimeout()))
                        .orElseGet(() -> build(REDIS_URL, () -> RedisSettings.of(u))))
            .orElseGet(() -> config.redis().orElseThrow());
    RedisSettings withPrefix =
        prefix.isEmpty() ? base : build(REDIS_PREFIX, () -> base.withPrefix(prefix.get()));
    RedisSettings settings =
        timeout.isEmpty()
            ? withPrefix
            : build(
                REDIS_NODE_TIMEOUT_MS,
                () -> withPrefix.withNodeTimeout(Duration.ofMillis(timeout.get())));
    return config.withRedis(settings);
  }

  /** TLS from HERALD_TLS_CERT_FILE and HERALD_TLS_KEY_FILE (both or neither), over the file's. */
  private ServerConfig withTls(ServerConfig config) {
    Optional<String> cert = get(TLS_CERT_FILE);
    Optional<String> key = get(TLS_KEY_FILE);
    if (cert.isEmpty() && key.isEmpty()) {
      return config;
    }
    if (cert.isEmpty() || key.isEmpty()) {
      throw new ConfigException(
          (cert.isEmpty() ? TLS_KEY_FILE : TLS_CERT_FILE)
              + " is set without "
              + (cert.isEmpty() ? TLS_CERT_FILE : TLS_KEY_FILE)
              + ": TLS needs both the certificate and its key");
    }
    return config.withTls(
        new TlsSettings(readable(TLS_CERT_FILE, cert.get()), readable(TLS_KEY_FILE, key.get())));
  }

  /** The database from HERALD_DATABASE_*, over the file's; the password is kept as set. */
  private ServerConfig withDatabase(ServerConfig config) {
    Optional<String> url = get(DATABASE_URL);
    Optional<String> username = get(DATABASE_USERNAME);
    Optional<String> password =
        Optional.ofNullable(env.get(DATABASE_PASSWORD)).filter(v -> !v.isEmpty());
    if (url.isEmpty() && config.database().isEmpty()) {
      if (username.isPresent() || password.isPresent()) {
        throw new ConfigException(
            (username.isPresent() ? DATABASE_USERNAME : DATABASE_PASSWORD)
                + " is set but no database is configured: set "
                + DATABASE_URL
                + " too");
      }
      return config;
    }
    DatabaseSettings base =
        url.map(
                u ->
                    config
                        .database()
                        .map(d -> build(DATABASE_URL, () -> d.withUrl(u)))
                        .orElseGet(
                            () -> build(DATABASE_URL, () -> DatabaseSettings.of(u, null, null))))
            .orElseGet(() -> config.database().orElseThrow());
    return config.withDatabase(
        base.withCredentials(username.orElse(base.username()), password.orElse(base.password())));
  }

  private static Path readable(String name, String value) {
    Path path = Path.of(value).toAbsolutePath();
    if (!Files.isReadable(path)) {
      throw new ConfigException(
          name + " names " + path + ", which does not exist or cannot be read");
    }
    return path;
  }

  private List<App> withEnvironmentApp(List<App> apps) {
    List<String> missing =
        Stream.of(APP_ID, APP_KEY, APP_SECRET).filter(name -> get(name).isEmpty()).toList();
    if (!missing.isEmpty()) {
      throw new ConfigException(
          "Missing environment variable "
              + String.join(", ", missing)
              + ": "
              + APP_ID
              + ", "
              + APP_KEY
              + " and "
              + APP_SECRET
              + " must be set together");
    }
    String id = get(APP_ID).orElseThrow();
    String key = get(APP_KEY).orElseThrow();
    String secret = get(APP_SECRET).orElseThrow();
    Optional<Boolean> clientEvents = bool(APP_CLIENT_EVENTS);
    Optional<List<Webhook>> webhooks = webhook();
    List<App> result = new ArrayList<>();
    boolean replaced = false;
    for (App app : apps) {
      if (app.id().equals(id)) {
        result.add(withCredentials(app, key, secret, clientEvents, webhooks));
        replaced = true;
      } else {
        result.add(app);
      }
    }
    if (!replaced) {
      result.add(withCredentials(App.of(id, key, secret), key, secret, clientEvents, webhooks));
    }
    return result;
  }

  private static App withCredentials(
      App app,
      String key,
      String secret,
      Optional<Boolean> clientEvents,
      Optional<List<Webhook>> webhooks) {
    return new App(
        app.id(),
        key,
        secret,
        app.enabled(),
        clientEvents.orElse(app.clientEvents()),
        app.limits(),
        app.features(),
        webhooks.orElse(app.webhooks()),
        app.allowedOrigins());
  }

  /** The single endpoint of {@link EnvironmentVariables#APP_WEBHOOK_URL}: every event type. */
  private Optional<List<Webhook>> webhook() {
    return get(APP_WEBHOOK_URL)
        .map(
            text -> {
              try {
                URI url = WebhookSection.httpUrl(text);
                return List.of(new Webhook(url, Set.of(), null, null, Map.of()));
              } catch (IllegalArgumentException e) {
                throw new ConfigException(APP_WEBHOOK_URL + " " + e.getMessage());
              }
            });
  }

  private Optional<String> get(String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  private Optional<Integer> integer(String name) {
    return get(name)
        .map(
            value -> {
              try {
                return Integer.parseInt(value);
              } catch (NumberFormatException e) {
                throw new ConfigException(name + " must be a whole number, was '" + value + "'");
              }
            });
  }

  private Optional<Boolean> bool(String name) {
    return get(name)
        .map(
            value -> {
              if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(value);
              }
              throw new ConfigException(name + " must be true or false, was '" + value + "'");
            });
  }

  private static <T> T build(String name, Supplier<T> config) {
    try {
      return config.get();
    } catch (IllegalArgumentException e) {
      throw ConfigException.invalid(name, e);
    }
  }
}
