package dev.herald.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The shipped migration, {@code db/herald-apps.sql}, run as written (under another name). */
public final class Schema {
  static final String RESOURCE = "/db/herald-apps.sql";

  private Schema() {}

  /** Drops {@code table} if it exists and creates it anew from the migration. */
  public static void recreate(DatabaseProcess database, String table) {
    String sql = migration().replace("herald_apps", table);
    String[] statements =
        Arrays.stream(sql.split(";\\s*(\\n|$)"))
            .map(Schema::withoutComments)
            .filter(s -> !s.isBlank())
            .toArray(String[]::new);
    database.execute("DROP TABLE IF EXISTS " + table);
    database.execute(statements);
  }

  static String migration() {
    try (InputStream in = Schema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String withoutComments(String statement) {
    return statement.lines().map(l -> l.replaceAll("--.*$", "")).collect(Collectors.joining("\n"));
  }
}
