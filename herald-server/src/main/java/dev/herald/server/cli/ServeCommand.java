package dev.herald.server.cli;

import dev.herald.server.HeraldServer;
import dev.herald.server.config.ConfigException;
import dev.herald.server.config.ConfigLoader;
import dev.herald.server.config.ConfigOverrides;
import dev.herald.server.config.LoadedConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code herald serve}: loads the configuration, starts the server and runs until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    usageHelpAutoWidth = true,
    description = {
      "Starts the server and runs until SIGTERM (drains over drain_seconds) or Ctrl-C;",
      "SIGHUP reloads the apps from the configuration without dropping connections.",
      "Without a config file or HERALD_APP_* variables it serves a development app on 127.0.0.1."
    })
final class ServeCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML config file (default: $HERALD_CONFIG)")
  Path config;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      description = "address to bind, overriding the file and $HERALD_HOST")
  String host;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "port to bind (0 picks a free one), overriding the file and $HERALD_PORT")
  Integer port;

  @Option(
      names = "--redis",
      paramLabel = "URL",
      description =
          "join a cluster on this Redis (redis://host:6379), overriding the file and"
              + " $HERALD_REDIS_URL")
  String redis;

  private final ConfigLoader loader;

  ServeCommand(Map<String, String> env) {
    this.loader = new ConfigLoader(env);
  }

  /** The configuration this invocation would start with. */
  LoadedConfig loadConfig() {
    return loader.load(new ConfigOverrides(config, host, port, redis));
  }

  @Override
  public Integer call() {
    LoadedConfig loaded = loadConfig();
    LogOutput.use(loaded.server().logFormat());
    // Before the start, so that a SIGTERM arriving as soon as the port is bound still drains.
    ServerSignals signals = ServerSignals.install();
    HeraldServer server = HeraldServer.start(loaded.server());
    Duration drainWindow = Duration.ofSeconds(loaded.server().drainSeconds());
    server.reloadFrom(
        () -> {
          LoadedConfig again = loadConfig();
          warnOfRestartOnlySettings(again, loaded);
          return again.server().apps();
        });
    log.info(
        "started with {} app(s){}",
        loaded.server().apps().size(),
        loaded.development() ? " in development mode" : "");
    spec.commandLine().getOut().print(Banner.text(loaded, server.port()));
    spec.commandLine().getOut().flush();
    ServerSignals.Signal signal;
    while ((signal = signals.next()) == ServerSignals.Signal.HUP) {
      reload(server, loaded);
    }
    if (signal == ServerSignals.Signal.TERM) {
      // A deploy or scale-down: hand the clients to the other nodes gently.
      server.drain(drainWindow);
    } else {
      log.info("stopping");
      server.close();
    }
    log.info("stopped");
    return 0;
  }

  /**
   * Reads the configuration again and serves its apps; a configuration that does not load is
   * refused with the reason, and the running one stays.
   */
  void reload(HeraldServer server, LoadedConfig running) {
    LoadedConfig again;
    try {
      again = loadConfig();
      server.reload(again.server().apps());
    } catch (ConfigException | IllegalArgumentException | IllegalStateException e) {
      log.error("reload refused, still serving the previous configuration: {}", e.getMessage());
      return;
    }
    warnOfRestartOnlySettings(again, running);
  }

  private static void warnOfRestartOnlySettings(LoadedConfig again, LoadedConfig running) {
    if (!again.server().withApps(List.of()).equals(running.server().withApps(List.of()))) {
      log.warn(
          "reload: settings beyond the apps changed too (address, TLS, Redis, limits on"
              + " connections); they take effect at the next restart");
    }
  }
}
