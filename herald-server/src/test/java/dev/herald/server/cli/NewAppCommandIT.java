package dev.herald.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.server.app.App;
import dev.herald.server.database.JdbcAppRegistry;
import dev.herald.server.testing.DatabaseProcess;
import dev.herald.server.testing.MariaDbProcess;
import dev.herald.server.testing.Schema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code herald apps new} adding apps to a throwaway MariaDB, where a registry then finds them. */
class NewAppCommandIT {
  static final String TABLE = "herald_apps";
  private static MariaDbProcess mariadb;

  @TempDir Path dir;

  @BeforeAll
  static void startMariaDb() {
    mariadb = MariaDbProcess.startOnFreePort();
  }

  @AfterAll
  static void stopMariaDb() {
    if (mariadb != null) {
      mariadb.close();
    }
  }

  @BeforeEach
  void createTable() {
    Schema.recreate(mariadb, TABLE);
  }

  private Path config() throws IOException {
    return Files.writeString(
        dir.resolve("herald.yml"),
        "database:\n  url: "
            + mariadb.url()
            + "\n  username: "
            + DatabaseProcess.USERNAME
            + "\n  password: "
            + DatabaseProcess.PASSWORD
            + "\n");
  }

  private App findByKey(String key) {
    try (JdbcAppRegistry registry =
        JdbcAppRegistry.start(mariadb.settings(TABLE, Duration.ofSeconds(10)), List.of())) {
      return registry.findByKey(key).orElseThrow();
    }
  }

  /** One run of {@code herald}, with what it printed. */
  record CliRun(int exitCode, String out, String err) {
    static CliRun of(Map<String, String> env, String... args) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cli = new HeraldCli(env).commandLine();
      cli.setOut(new PrintWriter(out));
      cli.setErr(new PrintWriter(err));
      int code = cli.execute(args);
      return new CliRun(code, out.toString(), err.toString());
    }

    /** The value of a printed {@code name: value} line. */
    String value(String name) {
      return out.lines()
          .filter(l -> l.startsWith(name + ": "))
          .map(l -> l.substring(name.length() + 2))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no " + name + " in " + out));
    }
  }

  @Test
  void addsTheNewAppToTheTableOfTheConfigFile() throws IOException {
    CliRun run = CliRun.of(Map.of(), "apps", "new", "--config", config().toString());

    assertThat(run.exitCode()).isZero();
    App app = findByKey(run.value("key"));
    assertThat(app.id()).isEqualTo(run.value("id"));
    assertThat(app.secret()).isEqualTo(run.value("secret")).hasSize(64);
    assertThat(app.enabled()).isTrue();
    assertThat(run.err()).contains("Added to table herald_apps of " + mariadb.url());
  }

  @Test
  void addsTheNewAppToTheDatabaseNamedOnTheCommandLine() {
    CliRun run =
        CliRun.of(
            Map.of(
                "HERALD_DATABASE_USERNAME", DatabaseProcess.USERNAME,
                "HERALD_DATABASE_PASSWORD", DatabaseProcess.PASSWORD),
            "apps",
            "new",
            "--id",
            "chosen",
            "--database",
            mariadb.url());

    assertThat(run.exitCode()).isZero();
    assertThat(findByKey(run.value("key")).id()).isEqualTo("chosen");
  }

  @Test
  void refusesAnIdThatIsTakenPrintingNoCredentialsAndNoPassword() throws IOException {
    Path file = config();
    assertThat(
            CliRun.of(Map.of(), "apps", "new", "--id", "x", "--config", file.toString()).exitCode())
        .isZero();

    CliRun again = CliRun.of(Map.of(), "apps", "new", "--id", "x", "--config", file.toString());

    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.out()).isEmpty();
    assertThat(again.err())
        .contains("Cannot add app 'x' to " + mariadb.url() + " (table herald_apps)")
        .doesNotContain(DatabaseProcess.PASSWORD);
  }
}
