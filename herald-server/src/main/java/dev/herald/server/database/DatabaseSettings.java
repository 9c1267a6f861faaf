package dev.herald.server.database;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where apps are loaded from ({@code database:} in {@code herald.yml}): a PostgreSQL or
 * MariaDB/MySQL table, re-read every {@code refreshInterval}. The password never appears in {@link
 * #toString()} or in any error message.
 *
 * @param url the JDBC URL: {@code jdbc:postgresql://host:5432/db} or {@code
 *     jdbc:mariadb://host:3306/db} (MySQL too)
 * @param username the database user; null to take it from the URL or the driver's default
 * @param password the user's password; null for none
 * @param table the apps table, optionally schema-qualified ({@code herald_apps}, {@code
 *     herald.apps})
 * @param refreshInterval how often the table is re-read
 */
public record DatabaseSettings(
    String url, String username, String password, String table, Duration refreshInterval) {

  /** The table name by default. */
  public static final String DEFAULT_TABLE = "herald_apps";

  /** How often the table is re-read by default. */
  public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(10);

  // A name that can be put into SQL as it is: table names cannot be bound as parameters.
  private static final Pattern TABLE =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

  public DatabaseSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(refreshInterval, "refreshInterval");
    if (!url.startsWith("jdbc:postgresql:")
        && !url.startsWith("jdbc:mariadb:")
        && !url.startsWith("jdbc:mysql:")) {
      throw new IllegalArgumentException(
          "url must be a PostgreSQL or MariaDB/MySQL JDBC URL (jdbc:postgresql://…,"
              + " jdbc:mariadb://…)");
    }
    if (!TABLE.matcher(table).matches()) {
      throw new IllegalArgumentException(
          "table must be a plain SQL name: letters, digits and _, optionally schema.name");
    }
    if (refreshInterval.compareTo(Duration.ofMillis(100)) < 0) {
      throw new IllegalArgumentException(
          "refreshInterval must be at least 100 ms, was " + refreshInterval);
    }
  }

  /** Settings with the default table and refresh interval. */
  public static DatabaseSettings of(String url, String username, String password) {
    return new DatabaseSettings(url, username, password, DEFAULT_TABLE, DEFAULT_REFRESH_INTERVAL);
  }

  /** A copy with other credentials. */
  public DatabaseSettings withCredentials(String newUsername, String newPassword) {
    return new DatabaseSettings(url, newUsername, newPassword, table, refreshInterval);
  }

  /** A copy with another URL. */
  public DatabaseSettings withUrl(String newUrl) {
    return new DatabaseSettings(newUrl, username, password, table, refreshInterval);
  }

  /** The URL with any password in it masked, for logs and errors. */
  public String redactedUrl() {
    return JdbcUrls.redacted(url);
  }

  @Override
  public String toString() {
    return "DatabaseSettings[url="
        + redactedUrl()
        + ", username="
        + username
        + ", table="
        + table
        + ", refreshInterval="
        + refreshInterval
        + "]";
  }
}
