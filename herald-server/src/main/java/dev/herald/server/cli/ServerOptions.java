package dev.herald.server.cli;

import dev.herald.server.app.DevelopmentApp;
import dev.herald.server.config.EnvironmentVariables;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of every command that talks to a running server: where it listens and which app to
 * sign for. Each comes from its flag, else its {@code HERALD_*} variable, else the development
 * server and app that {@code herald serve} starts without configuration.
 */
final class ServerOptions {
  /** Where the development server listens. */
  static final String DEFAULT_URL = UrlOption.DEFAULT_URL;

  @Mixin UrlOption url;

  @Option(names = "--app-id", paramLabel = "ID", description = "app id (default: $HERALD_APP_ID)")
  String appId;

  @Option(names = "--key", paramLabel = "KEY", description = "app key (default: $HERALD_APP_KEY)")
  String key;

  @Option(
      names = "--secret",
      paramLabel = "SECRET",
      description = "app secret (default: $HERALD_APP_SECRET)")
  String secret;

  /** A client for the server and app these options name. */
  ApiClient client(Map<String, String> env, Clock clock) {
    return new ApiClient(
        url.resolve(env),
        choose(env, appId, EnvironmentVariables.APP_ID, DevelopmentApp.ID),
        choose(env, key, EnvironmentVariables.APP_KEY, DevelopmentApp.KEY),
        choose(env, secret, EnvironmentVariables.APP_SECRET, DevelopmentApp.SECRET),
        clock);
  }

  static String choose(Map<String, String> env, String flag, String variable, String fallback) {
    return Optional.ofNullable(flag)
        .or(() -> Optional.ofNullable(env.get(variable)).filter(v -> !v.isBlank()))
        .orElse(fallback);
  }
}
