package dev.herald.server.config;

import static java.util.Objects.requireNonNullElse;

import dev.herald.server.database.DatabaseSettings;
import java.time.Duration;

/**
 * The {@code database:} section as written; null components are absent keys.
 *
 * @param url the JDBC URL (required)
 * @param username the database user
 * @param password the user's password
 * @param table the apps table
 * @param refreshInterval seconds between two reads of the table
 */
record DatabaseSection(
    String url, String username, String password, String table, Integer refreshInterval) {

  DatabaseSection {
    url = Scalars.text(url);
    username = Scalars.text(username);
    // Kept as written: spaces may be part of a password.
    password = password == null || password.isEmpty() ? null : password;
    table = Scalars.text(table);
  }

  /** The settings, absent keys taken from {@link DatabaseSettings#of}'s defaults. */
  DatabaseSettings settings(Where where) {
    where.require("url", url);
    if (refreshInterval != null && refreshInterval < 1) {
      throw where.invalid(
          "refresh_interval", "must be at least 1 (seconds), was " + refreshInterval);
    }
    DatabaseSettings d = where.build(() -> DatabaseSettings.of(url, username, password));
    return where.build(
        () ->
            new DatabaseSettings(
                url,
                username,
                password,
                requireNonNullElse(table, d.table()),
                refreshInterval == null
                    ? d.refreshInterval()
                    : Duration.ofSeconds(refreshInterval)));
  }
}
