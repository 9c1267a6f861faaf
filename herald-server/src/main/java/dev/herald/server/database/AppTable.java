package dev.herald.server.database;

import dev.herald.server.app.AllowedOrigins;
import dev.herald.server.app.App;
import dev.herald.server.app.AppLimits;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The apps table (schema: {@code db/herald-apps.sql}) in SQL that PostgreSQL and MariaDB/MySQL both
 * run as written. Columns are named in every statement, so a table may have more of its own. A null
 * limit takes the default of {@link AppLimits#DEFAULTS}; a null {@code allowed_origins} allows any
 * origin. Stateless; thread-safe.
 */
final class AppTable {
  /** The columns read, in order; {@code app_key} because {@code KEY} is reserved in MySQL. */
  static final List<String> COLUMNS =
      List.of(
          "id",
          "app_key",
          "secret",
          "enabled",
          "client_events",
          "max_connections",
          "max_event_payload_bytes",
          "max_event_name_length",
          "max_channels_per_event",
          "max_batch_size",
          "max_presence_members",
          "max_presence_user_info_bytes",
          "max_presence_user_id_length",
          "client_events_per_second",
          "max_channels_per_connection",
          "messages_per_second",
          "api_requests_per_second",
          "allowed_origins");

  /** Seconds a statement may run before it is cancelled. */
  static final int QUERY_TIMEOUT_SECONDS = 10;

  private static final Pattern CAMEL_CASE = Pattern.compile("\\b[a-z]+(?:[A-Z][a-z0-9]*)+\\b");

  private final String table;

  /**
   * @param table a name already checked by {@link DatabaseSettings}
   */
  AppTable(String table) {
    this.table = table;
  }

  /**
   * Every app in the table, in id order. A row whose values are invalid (a limit below its minimum,
   * an unreadable origin) is left out and described to {@code problems}.
   */
  List<App> readAll(Connection connection, Consumer<String> problems) throws SQLException {
    String sql = "SELECT " + String.join(", ", COLUMNS) + " FROM " + table + " ORDER BY id";
    List<App> apps = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String id = rows.getString("id");
          try {
            apps.add(app(rows));
          } catch (IllegalArgumentException e) {
            problems.accept(
                "app '"
                    + id
                    + "' in table "
                    + table
                    + " is invalid: "
                    + columnNames(e.getMessage()));
          }
        }
      }
    }
    return apps;
  }

  /** Adds an enabled app with the default limits. */
  void insert(Connection connection, App app) throws SQLException {
    String sql =
        "INSERT INTO "
            + table
            + " (id, app_key, secret, enabled, client_events) VALUES (?, ?, ?, ?, ?)";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      insert.setString(1, app.id());
      insert.setString(2, app.key());
      insert.setString(3, app.secret());
      insert.setBoolean(4, app.enabled());
      insert.setBoolean(5, app.clientEvents());
      insert.executeUpdate();
    }
  }

  private static App app(ResultSet row) throws SQLException {
    AppLimits d = AppLimits.DEFAULTS;
    AppLimits limits =
        new AppLimits(
            limit(row, "max_connections", d.maxConnections()),
            limit(row, "max_event_payload_bytes", d.maxEventPayloadBytes()),
            limit(row, "max_event_name_length", d.maxEventNameLength()),
            limit(row, "max_channels_per_event", d.maxChannelsPerEvent()),
            limit(row, "max_batch_size", d.maxBatchSize()),
            limit(row, "max_presence_members", d.maxPresenceMembers()),
            limit(row, "max_presence_user_info_bytes", d.maxPresenceUserInfoBytes()),
            limit(row, "max_presence_user_id_length", d.maxPresenceUserIdLength()),
            limit(row, "client_events_per_second", d.clientEventsPerSecond()),
            limit(row, "max_channels_per_connection", d.maxChannelsPerConnection()),
            limit(row, "messages_per_second", d.messagesPerSecond()),
            limit(row, "api_requests_per_second", d.apiRequestsPerSecond()));
    App defaults = App.of(required(row, "id"), required(row, "app_key"), required(row, "secret"));
    return new App(
            defaults.id(),
            defaults.key(),
            defaults.secret(),
            flag(row, "enabled", defaults.enabled()),
            flag(row, "client_events", defaults.clientEvents()),
            limits)
        .withAllowedOrigins(origins(row.getString("allowed_origins")));
  }

  /** "maxBatchSize must be…" as "max_batch_size must be…": the column, not the Java name. */
  private static String columnNames(String message) {
    Matcher words = CAMEL_CASE.matcher(String.valueOf(message));
    StringBuilder result = new StringBuilder();
    while (words.find()) {
      words.appendReplacement(
          result, words.group().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT));
    }
    words.appendTail(result);
    return result.toString();
  }

  private static String required(ResultSet row, String column) throws SQLException {
    String value = row.getString(column);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(column + " is empty");
    }
    return value;
  }

  private static int limit(ResultSet row, String column, int absent) throws SQLException {
    int value = row.getInt(column);
    return row.wasNull() ? absent : value;
  }

  private static boolean flag(ResultSet row, String column, boolean absent) throws SQLException {
    boolean value = row.getBoolean(column);
    return row.wasNull() ? absent : value;
  }

  /** Origins separated by commas or whitespace; null or blank: any origin. */
  private static AllowedOrigins origins(String text) {
    if (text == null || text.isBlank()) {
      return AllowedOrigins.ANY;
    }
    return new AllowedOrigins(
        Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList());
  }
}
