package dev.herald.server.cli;

import dev.herald.server.app.DevelopmentApp;
import dev.herald.server.config.EnvironmentVariables;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --url}, else {@code HERALD_URL}, else the development server's address. */
final class UrlOption {
  /** Where the development server listens. */
  static final String DEFAULT_URL = "http://" + DevelopmentApp.HOST + ":6001";

  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "server URL (default: $HERALD_URL, else " + DEFAULT_URL + ")")
  String url;

  /** The server URL without a trailing slash. */
  String resolve(Map<String, String> env) {
    return ServerOptions.choose(env, url, EnvironmentVariables.URL, DEFAULT_URL)
        .replaceAll("/+$", "");
  }
}
