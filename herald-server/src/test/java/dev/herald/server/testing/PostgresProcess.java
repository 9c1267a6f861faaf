package dev.herald.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL: {@code initdb} (password authentication for {@link #USERNAME}) and {@code
 * pg_ctl} of the newest {@code /usr/lib/postgresql/N/bin}, on a free port, fsync off.
 */
public final class PostgresProcess extends DatabaseProcess {
  private final Path bin;
  private final Path data;
  private boolean running;

  private PostgresProcess(Path bin) {
    super("postgres", "postgres");
    this.bin = bin;
    this.data = directory.resolve("data");
  }

  /** Initializes a cluster and starts it. */
  public static PostgresProcess startOnFreePort() {
    Path initdb = executable("PostgreSQL (initdb)", candidates());
    PostgresProcess postgres = new PostgresProcess(initdb.getParent());
    try {
      Path passwordFile = postgres.directory.resolve("password");
      Files.writeString(passwordFile, PASSWORD + "\n");
      run(
          as(
              "postgres",
              initdb.toString(),
              "-D",
              postgres.data.toString(),
              "-U",
              USERNAME,
              "--pwfile=" + passwordFile,
              "--auth=scram-sha-256",
              "-E",
              "UTF8",
              "--no-sync"),
          postgres.directory.resolve("initdb.log"));
      postgres.start();
      return postgres;
    } catch (IOException | RuntimeException e) {
      postgres.close();
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  @Override
  public String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  @Override
  public void start() {
    run(
        as(
            "postgres",
            bin.resolve("pg_ctl").toString(),
            "-D",
            data.toString(),
            "-w",
            "-t",
            String.valueOf(COMMAND_TIMEOUT.toSeconds()),
            "-l",
            directory.resolve("postgres.log").toString(),
            "-o",
            "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off",
            "start"),
        directory.resolve("pg_ctl-start.log"));
    running = true;
  }

  @Override
  public void stop() {
    if (!running) {
      return;
    }
    run(
        as(
            "postgres",
            bin.resolve("pg_ctl").toString(),
            "-D",
            data.toString(),
            "-m",
            "fast",
            "-w",
            "-t",
            String.valueOf(COMMAND_TIMEOUT.toSeconds()),
            "stop"),
        directory.resolve("pg_ctl-stop.log"));
    running = false;
  }

  private static Stream<Path> candidates() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Stream.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .map(v -> v.resolve("bin/initdb"))
          .sorted(Comparator.comparing(PostgresProcess::version).reversed())
          .toList()
          .stream();
    } catch (IOException e) {
      return Stream.empty();
    }
  }

  private static int version(Path initdb) {
    try {
      return Integer.parseInt(initdb.getParent().getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
