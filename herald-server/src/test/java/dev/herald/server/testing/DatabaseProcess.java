package dev.herald.server.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.herald.server.database.DatabaseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway database server of the machine's own binaries, in a temporary directory, on a free
 * port of 127.0.0.1: one per test class. {@link #stop()} takes it down (a database outage), {@link
 * #start()} brings it back with its data; {@link #close()} stops it and deletes the directory, and
 * a shutdown hook does the same if a test run is cut short. When the binaries are missing the test
 * is skipped, or fails with {@code CI=true}. Servers refuse to run as root, so as root they run as
 * their system user ({@code postgres}, {@code mysql}). Not thread-safe; every wait is bounded.
 */
public abstract class DatabaseProcess implements AutoCloseable {
  /** How long a command (initdb, a start, a stop) may take. */
  static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

  /** The password of the test user, {@link #USERNAME}. */
  public static final String PASSWORD = "s3cret-test-password";

  public static final String USERNAME = "herald";

  final int port;
  final Path directory;
  private final Thread stopOnExit = new Thread(this::destroy, "database-process-stop");

  DatabaseProcess(String name, String systemUser) {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
      directory = Files.createTempDirectory("herald-" + name + "-");
      if (isRoot()) {
        UserPrincipal owner =
            directory
                .getFileSystem()
                .getUserPrincipalLookupService()
                .lookupPrincipalByName(systemUser);
        Files.setOwner(directory, owner);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("no free port or temporary directory for " + name, e);
    }
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  /** The JDBC URL of the test database. */
  public abstract String url();

  /** Starts the server (again) and waits until it accepts connections. */
  public abstract void start();

  /** Stops the server and waits until it is gone; its data stays for {@link #start()}. */
  public abstract void stop();

  /** Settings for the test table, re-read every {@code refresh}. */
  public DatabaseSettings settings(String table, Duration refresh) {
    return new DatabaseSettings(url(), USERNAME, PASSWORD, table, refresh);
  }

  /** Runs SQL statements as the test user. */
  public void execute(String... statements) {
    try (Connection connection = DriverManager.getConnection(url(), USERNAME, PASSWORD);
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("SQL failed on " + url() + ": " + e.getMessage(), e);
    }
  }

  /** Whether the test user can connect right now. */
  public boolean answers() {
    try (Connection connection = DriverManager.getConnection(url(), USERNAME, PASSWORD)) {
      return connection.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() {
    destroy();
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException alreadyExiting) {
      // the hook is running or has run
    }
  }

  private void destroy() {
    try {
      stop();
    } finally {
      deleteDirectory();
    }
  }

  /** {@code command}, as {@code systemUser} when we are root. */
  static List<String> as(String systemUser, String... command) {
    List<String> full = new ArrayList<>();
    if (isRoot()) {
      full.addAll(List.of("runuser", "-u", systemUser, "--"));
    }
    full.addAll(List.of(command));
    return full;
  }

  /** Runs a command to its end, bounded, its output to {@code log}; fails with the log's end. */
  static void run(List<String> command, Path log) {
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command.get(0) + " did not finish; its log:\n" + tail(log));
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command)
                + " exited "
                + process.exitValue()
                + "; its log:\n"
                + tail(log));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The first of {@code candidates} that is executable; else skips (or fails on CI). */
  static Path executable(String what, Stream<Path> candidates) {
    return candidates
        .filter(Files::isExecutable)
        .findFirst()
        .orElseGet(
            () -> {
              String message =
                  what + " is not installed (.ci/run installs postgresql and mariadb-server)";
              if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " (CI=true, so this is a failure, not a skip)");
              }
              Assumptions.abort(message + " (skipped; on CI this fails)");
              return null;
            });
  }

  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private void deleteDirectory() {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
