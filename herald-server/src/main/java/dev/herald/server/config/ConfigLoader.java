package dev.herald.server.config;

import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.app.DevelopmentApp;
import dev.herald.server.app.StaticAppRegistry;
import dev.herald.server.redis.RedisSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@link ServerConfig} to start with, from (lowest to highest precedence) the defaults,
 * the YAML file, the {@code HERALD_*} environment variables and the command-line flags. Each layer
 * is laid over the one below; the bottom one is {@link ServerConfig#DEFAULTS}, and an app or a
 * Redis that a layer adds starts from {@link App#of} or {@link RedisSettings#of}. This package
 * defines no default of its own.
 *
 * <p>With no YAML file and no app variables it serves the {@link DevelopmentApp} on {@code
 * 127.0.0.1}. Whatever the source, the development secret is refused on a non-loopback address.
 * Stateless apart from the environment it was given; thread-safe.
 */
public final class ConfigLoader {
  private final EnvironmentSettings environment;
  private final ConfigFile yaml = new ConfigFile();

  /**
   * @param env the environment variables ({@code System.getenv()} in production)
   */
  public ConfigLoader(Map<String, String> env) {
    this.environment = new EnvironmentSettings(env);
  }

  /**
   * Loads the configuration. Reads the YAML file if one is named; does no other I/O.
   *
   * @throws ConfigException naming the key and file of the first problem found
   */
  public LoadedConfig load(ConfigOverrides overrides) {
    Optional<Path> file = Optional.ofNullable(overrides.configFile()).or(environment::configFile);
    boolean development = file.isEmpty() && !environment.hasApp() && !environment.hasDatabase();
    ServerConfig config = ServerConfig.DEFAULTS;
    if (file.isPresent()) {
      config = yaml.read(file.get(), config);
    } else if (development) {
      config =
          config
              .withAddress(DevelopmentApp.HOST, config.port())
              .withApps(List.of(DevelopmentApp.app()));
    }
    config = environment.apply(config);
    config = applyFlags(config, overrides);
    check(config, file);
    return new LoadedConfig(config, development, file);
  }

  private static ServerConfig applyFlags(ServerConfig config, ConfigOverrides overrides) {
    String host = overrides.host() != null ? overrides.host().strip() : config.host();
    int port = overrides.port() != null ? overrides.port() : config.port();
    ServerConfig result;
    try {
      result = config.withAddress(host, port);
    } catch (IllegalArgumentException e) {
      throw ConfigException.invalid(overrides.port() != null ? "--port" : "--host", e);
    }
    if (overrides.redisUrl() == null) {
      return result;
    }
    String url = overrides.redisUrl().strip();
    try {
      return result.withRedis(
          result
              .redis()
              .map(r -> new RedisSettings(url, r.prefix(), r.nodeTimeout()))
              .orElseGet(() -> RedisSettings.of(url)));
    } catch (IllegalArgumentException e) {
      throw ConfigException.invalid("--redis", e);
    }
  }

  private static void check(ServerConfig config, Optional<Path> file) {
    // With a database the file may have no apps: they may all be in the table.
    if (config.apps().isEmpty() && config.database().isEmpty()) {
      throw new ConfigException(
          "No apps configured: add an 'apps' list to "
              + file.map(Path::toString).orElse("the config file")
              + " or set "
              + EnvironmentVariables.APP_ID
              + ", "
              + EnvironmentVariables.APP_KEY
              + " and "
              + EnvironmentVariables.APP_SECRET
              + ", or name a database of apps ('database' or "
              + EnvironmentVariables.DATABASE_URL
              + ")");
    }
    try {
      new StaticAppRegistry(config.apps());
    } catch (IllegalArgumentException e) {
      throw ConfigException.invalid("apps", e);
    }
    if (!isLoopback(config.host())) {
      for (App app : config.apps()) {
        if (app.secret().equals(DevelopmentApp.SECRET)) {
          throw new ConfigException(
              "Refusing to start: app '"
                  + app.id()
                  + "' uses the public development secret while binding "
                  + config.host()
                  + ". Give the app a secret of your own ("
                  + EnvironmentVariables.APP_SECRET
                  + " or the config file), or bind "
                  + DevelopmentApp.HOST
                  + ".");
        }
      }
    }
  }

  /**
   * Whether {@code host} is a loopback address. Host names other than {@code localhost} are not
   * resolved and count as public.
   */
  static boolean isLoopback(String host) {
    String h =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!h.matches("[0-9.]+") && !h.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
