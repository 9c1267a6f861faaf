package dev.herald.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.server.ServerConfig;
import dev.herald.server.database.DatabaseSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code database:} section and the {@code HERALD_DATABASE_*} variables. */
class DatabaseConfigTest {
  private static final String APPS = "apps: [{id: a, key: k, secret: s}]\n";
  private static final String URL = "jdbc:postgresql://db.internal:5432/herald";

  @TempDir Path dir;

  private Path yaml(String text) throws IOException {
    return Files.writeString(dir.resolve("herald.yml"), text);
  }

  private static LoadedConfig load(Map<String, String> env, Path file) {
    return new ConfigLoader(env).load(new ConfigOverrides(file, null, null, null));
  }

  private ServerConfig loadYaml(String text) throws IOException {
    return load(Map.of(), yaml(text)).server();
  }

  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  private static String everything(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      text.append(t).append('\n');
    }
    return text.toString();
  }

  @Test
  void withoutADatabaseSectionNoAppsComeFromADatabase() throws IOException {
    assertThat(loadYaml(APPS).database()).isEmpty();
    assertThat(ServerConfig.DEFAULTS.database()).isEmpty();
  }

  @Test
  void readsEveryKeyOfTheDatabaseSection() throws IOException {
    ServerConfig config =
        loadYaml(
            APPS
                + """
                database:
                  url: jdbc:postgresql://db.internal:5432/herald
                  username: herald
                  password: " pass word "
                  table: tenants.apps
                  refresh_interval: 30
                """);

    assertThat(config.database())
        .contains(
            new DatabaseSettings(
                URL, "herald", " pass word ", "tenants.apps", Duration.ofSeconds(30)));
  }

  @Test
  void defaultsTheTableAndTheRefreshIntervalAndNeedsNoFileApps() throws IOException {
    DatabaseSettings database =
        loadYaml("database:\n  url: jdbc:mariadb://127.0.0.1:3306/herald\n")
            .database()
            .orElseThrow();

    assertThat(database.table()).isEqualTo("herald_apps");
    assertThat(database.refreshInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(database.username()).isNull();
    assertThat(database.password()).isNull();
  }

  @Test
  void namesAnUnknownKeyUnderDatabase() throws IOException {
    Path file = yaml(APPS + "database:\n  url: " + URL + "\n  passwd: x\n");

    assertThatThrownBy(() -> load(Map.of(), file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Unknown key 'database.passwd'")
        .hasMessageContaining("expected one of: url, username, password, table, refresh_interval");
  }

  @Test
  void refusesADatabaseSectionWithoutUrl() throws IOException {
    Path file = yaml(APPS + "database:\n  table: apps\n");

    assertThatThrownBy(() -> load(Map.of(), file))
        .isInstanceOf(ConfigException.class)
        .hasMessage("'database' in " + file + " is missing 'url'");
  }

  @Test
  void refusesAnotherKindOfDatabaseWithoutPrintingThePassword() throws IOException {
    Path file =
        yaml(APPS + "database:\n  url: jdbc:oracle:thin:scott/tiger@db:1521\n  password: tiger\n");

    assertThatThrownBy(() -> load(Map.of(), file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'database' in " + file)
        .hasMessageContaining("PostgreSQL or MariaDB/MySQL")
        .satisfies(e -> assertThat(everything(e)).doesNotContain("tiger"));
  }

  @Test
  void refusesATableNameThatIsNotAPlainName() throws IOException {
    Path file = yaml(APPS + "database:\n  url: " + URL + "\n  table: \"apps; DROP TABLE x\"\n");

    assertThatThrownBy(() -> load(Map.of(), file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'database' in " + file)
        .hasMessageContaining("table must be a plain SQL name");
  }

  @Test
  void refusesARefreshIntervalBelowOneSecond() throws IOException {
    Path file = yaml(APPS + "database:\n  url: " + URL + "\n  refresh_interval: 0\n");

    assertThatThrownBy(() -> load(Map.of(), file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "'database.refresh_interval' in " + file + " must be at least 1 (seconds), was 0");
  }

  @Test
  void theEnvironmentReplacesTheUrlAndCredentialsAndKeepsTheRest() throws IOException {
    Path file =
        yaml(
            APPS
                + "database:\n  url: "
                + URL
                + "\n  username: a\n  password: b\n  table: t\n  refresh_interval: 5\n");

    DatabaseSettings database =
        load(
                env(
                    "HERALD_DATABASE_URL", "jdbc:mariadb://other:3306/h",
                    "HERALD_DATABASE_USERNAME", "u",
                    "HERALD_DATABASE_PASSWORD", "p"),
                file)
            .server()
            .database()
            .orElseThrow();

    assertThat(database)
        .isEqualTo(
            new DatabaseSettings(
                "jdbc:mariadb://other:3306/h", "u", "p", "t", Duration.ofSeconds(5)));
  }

  @Test
  void theEnvironmentAloneNamesADatabaseAndTurnsOffTheDevelopmentApp() {
    LoadedConfig loaded =
        load(env("HERALD_DATABASE_URL", URL, "HERALD_DATABASE_PASSWORD", "pw"), null);

    assertThat(loaded.development()).isFalse();
    assertThat(loaded.server().apps()).isEmpty();
    assertThat(loaded.server().database()).contains(DatabaseSettings.of(URL, null, "pw"));
  }

  @Test
  void refusesCredentialsWithoutADatabase() throws IOException {
    Path file = yaml(APPS);

    assertThatThrownBy(() -> load(env("HERALD_DATABASE_PASSWORD", "pw"), file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "HERALD_DATABASE_PASSWORD is set but no database is configured: set"
                + " HERALD_DATABASE_URL too");
  }

  @Test
  void theSettingsNeverShowThePassword() {
    DatabaseSettings settings =
        new DatabaseSettings(
            "jdbc:postgresql://u:inline-pw@db/herald?password=param-pw&ssl=true",
            "u",
            "field-pw",
            "herald_apps",
            Duration.ofSeconds(10));

    assertThat(settings.toString()).doesNotContain("inline-pw", "param-pw", "field-pw");
    assertThat(settings.redactedUrl())
        .isEqualTo("jdbc:postgresql://u:***@db/herald?password=***&ssl=true");
  }
}
