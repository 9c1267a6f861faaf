package dev.herald.server.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * A throwaway MariaDB: {@code mariadb-install-db}, then {@code mariadbd} as a child process on a
 * free port, with a database {@code herald} that {@link #USERNAME} may use with {@link #PASSWORD}.
 */
public final class MariaDbProcess extends DatabaseProcess {
  private final Path mariadbd;
  private final Path data;
  private Process process;

  private MariaDbProcess(Path mariadbd) {
    super("mariadb", "mysql");
    this.mariadbd = mariadbd;
    this.data = directory.resolve("data");
  }

  /** Installs the system tables and starts the server. */
  public static MariaDbProcess startOnFreePort() {
    Path server =
        executable(
            "MariaDB (mariadbd)",
            Stream.of("/usr/sbin/mariadbd", "/usr/bin/mariadbd", "/usr/sbin/mysqld").map(Path::of));
    Path install =
        executable(
            "MariaDB (mariadb-install-db)",
            Stream.of("/usr/bin/mariadb-install-db", "/usr/bin/mysql_install_db").map(Path::of));
    MariaDbProcess mariadb = new MariaDbProcess(server);
    try {
      List<String> command =
          new ArrayList<>(
              List.of(
                  install.toString(),
                  "--no-defaults",
                  "--datadir=" + mariadb.data,
                  "--auth-root-authentication-method=normal",
                  "--skip-test-db",
                  "--skip-name-resolve"));
      mariadb.asSystemUser(command);
      run(command, mariadb.directory.resolve("install.log"));
      Files.writeString(
          mariadb.directory.resolve("init.sql"),
          "CREATE DATABASE IF NOT EXISTS herald;\n"
              + "CREATE USER IF NOT EXISTS '"
              + USERNAME
              + "'@'%' IDENTIFIED BY '"
              + PASSWORD
              + "';\n"
              + "GRANT ALL ON herald.* TO '"
              + USERNAME
              + "'@'%';\n");
      mariadb.start();
      return mariadb;
    } catch (IOException | RuntimeException e) {
      mariadb.close();
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  @Override
  public String url() {
    return "jdbc:mariadb://127.0.0.1:" + port + "/herald";
  }

  @Override
  public void start() {
    if (process != null && process.isAlive()) {
      return;
    }
    Path log = directory.resolve("mariadbd.log");
    List<String> command =
        new ArrayList<>(
            List.of(
                mariadbd.toString(),
                "--no-defaults",
                "--datadir=" + data,
                "--socket=" + directory.resolve("mysqld.sock"),
                "--port=" + port,
                "--bind-address=127.0.0.1",
                "--init-file=" + directory.resolve("init.sql"),
                "--skip-name-resolve",
                "--skip-log-bin",
                "--innodb-buffer-pool-size=16M",
                "--pid-file=" + directory.resolve("mysqld.pid"),
                "--log-error=" + log));
    asSystemUser(command);
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(directory.resolve("mariadbd.out").toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      await("mariadbd on port " + port)
          .atMost(COMMAND_TIMEOUT)
          .pollInterval(Duration.ofMillis(100))
          .failFast("mariadbd exited", () -> !process.isAlive())
          .until(this::answers);
    } catch (ConditionTimeoutException | TerminalFailureException e) {
      stop();
      throw new IllegalStateException(
          "mariadbd on port " + port + " did not answer; its log:\n" + tail(log), e);
    }
  }

  @Override
  public void stop() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy(); // SIGTERM: a clean shutdown
    try {
      if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** mariadbd runs as root only when told to; as root we run it as {@code mysql}. */
  private void asSystemUser(List<String> command) {
    if (isRoot()) {
      command.add(2, "--user=mysql");
    }
  }
}
