package dev.herald.server.cli;

import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.config.ConfigException;
import dev.herald.server.config.ConfigLoader;
import dev.herald.server.config.ConfigOverrides;
import dev.herald.server.redis.RedisSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code herald config check FILE}: loads the file as {@code herald serve --config FILE} would
 * (with the {@code HERALD_*} variables laid over it) and says what it would start, or the first
 * problem. Starts nothing. Exit code 0 when valid, 1 when not.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    usageHelpAutoWidth = true,
    description = {
      "Validates a config file without starting the server.",
      "The HERALD_* variables are applied over it, as 'herald serve --config FILE' does."
    })
final class ConfigCheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the YAML config file")
  Path file;

  private final ConfigLoader loader;

  ConfigCheckCommand(Map<String, String> env) {
    this.loader = new ConfigLoader(env);
  }

  @Override
  public Integer call() {
    ServerConfig config;
    try {
      config = loader.load(new ConfigOverrides(file, null, null)).server();
    } catch (ConfigException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("herald config check: " + e.getMessage());
      err.flush();
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("OK: " + summary(config));
    out.flush();
    return 0;
  }

  /** {@code "2 apps (a, b), 0.0.0.0:6001, TLS off, single node"}. */
  static String summary(ServerConfig config) {
    int apps = config.apps().size();
    return apps
        + (apps == 1 ? " app (" : " apps (")
        + config.apps().stream().map(App::id).collect(Collectors.joining(", "))
        + "), "
        + config.host()
        + ":"
        + config.port()
        + ", TLS "
        + (config.tls().isPresent() ? "on" : "off")
        + ", "
        + config
            .redis()
            .map(r -> "cluster on " + RedisSettings.redacted(r.url()))
            .orElse("single node");
  }
}
