package dev.herald.server.database;

import dev.herald.server.testing.DatabaseProcess;
import dev.herald.server.testing.PostgresProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link JdbcAppRegistryContract} on a throwaway PostgreSQL. */
class PostgresJdbcAppRegistryIT extends JdbcAppRegistryContract {
  private static PostgresProcess postgres;

  @BeforeAll
  static void startPostgres() {
    postgres = PostgresProcess.startOnFreePort();
  }

  @AfterAll
  static void stopPostgres() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Override
  DatabaseProcess database() {
    return postgres;
  }
}
