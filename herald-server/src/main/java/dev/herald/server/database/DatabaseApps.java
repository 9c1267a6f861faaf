package dev.herald.server.database;

import dev.herald.server.app.App;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Writes to the apps table outside a running server ({@code herald apps new}). */
public final class DatabaseApps {
  private DatabaseApps() {}

  /**
   * Inserts {@code app} (its id, key, secret and flags; the limits stay NULL, so the defaults) over
   * one connection of its own. Blocks until the row is committed.
   *
   * @throws IllegalStateException when the database cannot be reached or refuses the row (an id or
   *     key already taken); the message names the redacted URL and table, never the password
   */
  public static void add(DatabaseSettings settings, App app) {
    try (Connection connection =
        DriverManager.getConnection(settings.url(), settings.username(), settings.password())) {
      new AppTable(settings.table()).insert(connection, app);
    } catch (SQLException e) {
      String reason = JdbcUrls.redacted(String.valueOf(e.getMessage()));
      if (settings.password() != null && !settings.password().isEmpty()) {
        reason = reason.replace(settings.password(), "***");
      }
      throw new IllegalStateException(
          "Cannot add app '"
              + app.id()
              + "' to "
              + settings.redactedUrl()
              + " (table "
              + settings.table()
              + "): "
              + reason,
          e);
    }
  }
}
