package dev.herald.server.cli;

import dev.herald.server.app.App;
import dev.herald.server.config.ConfigLoader;
import dev.herald.server.config.ConfigOverrides;
import dev.herald.server.config.EnvironmentVariables;
import dev.herald.server.database.DatabaseApps;
import dev.herald.server.database.DatabaseSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code herald apps new}: makes a new app id, key and strong secret and prints them as YAML; when
 * a database of apps is configured (or named with {@code --database}) it also inserts the app into
 * its table, where running servers see it at their next refresh.
 */
@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    usageHelpAutoWidth = true,
    description = {
      "Prints a new app id, key and secret (32 random bytes).",
      "With a database of apps (--database, the config file's 'database', or $"
          + EnvironmentVariables.DATABASE_URL
          + ") it also adds the app to its table."
    })
final class NewAppCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--id", paramLabel = "ID", description = "the app id (default: 9 random digits)")
  String id;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML config file whose 'database' to add the app to (default: $HERALD_CONFIG)")
  Path config;

  @Option(
      names = "--database",
      arity = "0..1",
      fallbackValue = "",
      paramLabel = "JDBC_URL",
      description = {
        "add the app to the database (an error when none is configured); with a URL, to that one.",
        "User and password come from the config file or $"
            + EnvironmentVariables.DATABASE_USERNAME
            + " and $"
            + EnvironmentVariables.DATABASE_PASSWORD
      })
  String database;

  private final Map<String, String> env;
  private final SecureRandom random;

  NewAppCommand(Map<String, String> env, SecureRandom random) {
    this.env = env;
    this.random = random;
  }

  @Override
  public Integer call() {
    AppCredentials credentials = AppCredentials.random(random, id);
    Optional<DatabaseSettings> target = target();
    target.ifPresent(
        settings ->
            DatabaseApps.add(
                settings, App.of(credentials.id(), credentials.key(), credentials.secret())));
    PrintWriter out = spec.commandLine().getOut();
    out.println("id: " + credentials.id());
    out.println("key: " + credentials.key());
    out.println("secret: " + credentials.secret());
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        target
            .map(
                s ->
                    "Added to table "
                        + s.table()
                        + " of "
                        + s.redactedUrl()
                        + "; servers serve it within "
                        + s.refreshInterval().toSeconds()
                        + " s.")
            .orElse(
                "Not stored anywhere: add it to the 'apps' of herald.yml, or pass --database."));
    err.flush();
    return 0;
  }

  /** The database to add the app to, if any. */
  private Optional<DatabaseSettings> target() {
    boolean asked = database != null;
    boolean configured =
        config != null
            || Optional.ofNullable(env.get(EnvironmentVariables.CONFIG))
                .filter(v -> !v.isBlank())
                .isPresent()
            || Optional.ofNullable(env.get(EnvironmentVariables.DATABASE_URL))
                .filter(v -> !v.isBlank())
                .isPresent();
    Optional<DatabaseSettings> fromConfig =
        configured
            ? new ConfigLoader(env)
                .load(new ConfigOverrides(config, null, null, null))
                .server()
                .database()
            : Optional.empty();
    if (asked && !database.isBlank()) {
      String url = database.strip();
      DatabaseSettings settings =
          fromConfig
              .map(d -> d.withUrl(url))
              .orElseGet(
                  () ->
                      DatabaseSettings.of(
                          url,
                          env.get(EnvironmentVariables.DATABASE_USERNAME),
                          env.get(EnvironmentVariables.DATABASE_PASSWORD)));
      return Optional.of(settings);
    }
    if (asked && fromConfig.isEmpty()) {
      throw new IllegalArgumentException(
          "--database needs a database: give its JDBC URL, a config file with 'database',"
              + " or set "
              + EnvironmentVariables.DATABASE_URL);
    }
    return fromConfig;
  }
}
