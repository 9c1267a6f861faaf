package dev.herald.server.database;

import dev.herald.server.testing.DatabaseProcess;
import dev.herald.server.testing.MariaDbProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link JdbcAppRegistryContract} on a throwaway MariaDB. */
class MariaDbJdbcAppRegistryIT extends JdbcAppRegistryContract {
  private static MariaDbProcess mariadb;

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

  @Override
  DatabaseProcess database() {
    return mariadb;
  }
}
