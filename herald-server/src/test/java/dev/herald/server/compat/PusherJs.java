package dev.herald.server.compat;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.PusherJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The reference JS client, pusher-js 8.x, run under Node: installs it into {@code target/pusher-js}
 * with npm (once) and runs a script such as {@code src/test/js/pusher-js-check.cjs}, which prints
 * one JSON record per observation. Without node or npm the tests are skipped, or fail when {@code
 * CI=true}. Every process wait is bounded; a process that overruns is killed.
 */
final class PusherJs {
  static final Path DIR = Path.of("target", "pusher-js");
  static final Path SCRIPT = Path.of("src", "test", "js", "pusher-js-check.cjs");
  private static final boolean WINDOWS = System.getProperty("os.name").startsWith("Windows");

  /** What one run of the script printed. */
  record Run(int exitCode, List<JsonNode> records, String output) {
    /** The records of this type, in order. */
    List<JsonNode> all(String type) {
      return records.stream().filter(r -> type.equals(r.path("type").asText())).toList();
    }

    /** The only record of this type from this client. */
    JsonNode one(String type, String client) {
      List<JsonNode> found =
          all(type).stream().filter(r -> client.equals(r.path("client").asText())).toList();
      if (found.size() != 1) {
        fail("expected one " + type + " record from " + client + " in:\n" + output);
      }
      return found.get(0);
    }
  }

  private PusherJs() {}

  /** Makes sure node, npm and pusher-js 8 are there; returns the installed pusher-js version. */
  static String install() throws IOException, InterruptedException {
    Files.createDirectories(DIR);
    requireTool(WINDOWS ? "node.exe" : "node");
    requireTool(WINDOWS ? "npm.cmd" : "npm");
    Path installed = DIR.resolve("node_modules/pusher-js/package.json");
    if (!Files.exists(installed)) {
      // Our own package.json keeps npm from installing into a parent directory's project.
      Files.writeString(
          DIR.resolve("package.json"), "{\"name\":\"herald-pusher-js-check\",\"private\":true}\n");
      String log =
          exec(
              List.of(
                  WINDOWS ? "npm.cmd" : "npm", "install", "--no-audit", "--no-fund", "pusher-js@8"),
              DIR.resolve("npm.log"),
              180);
      if (!Files.exists(installed)) {
        fail("npm install pusher-js@8 did not install it:\n" + log);
      }
    }
    return PusherJson.mapper().readTree(installed.toFile()).path("version").asText();
  }

  /** Runs the check script against a server on {@code port}; waits at most 60 s. */
  static Run run(String key, int port, String authUrl) throws IOException, InterruptedException {
    return run(SCRIPT, key, Integer.toString(port), authUrl);
  }

  /**
   * Runs {@code script} with the pusher-js install directory and then {@code args} as its
   * arguments; waits at most 60 s. Its output goes to {@code target/pusher-js/<script>.log}.
   */
  static Run run(Path script, String... args) throws IOException, InterruptedException {
    Path out = DIR.resolve(script.getFileName() + ".log");
    List<String> command = new ArrayList<>();
    command.add(WINDOWS ? "node.exe" : "node");
    command.add(script.toAbsolutePath().toString());
    command.add(DIR.toAbsolutePath().toString());
    command.addAll(List.of(args));
    Process process = start(command, out);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(script.getFileName() + " did not finish within 60 s:\n" + Files.readString(out));
    }
    String output = Files.readString(out, StandardCharsets.UTF_8);
    List<JsonNode> records = new ArrayList<>();
    for (String line : output.split("\n")) {
      if (line.startsWith("{")) {
        records.add(PusherJson.mapper().readTree(line));
      }
    }
    return new Run(process.exitValue(), records, output);
  }

  private static void requireTool(String tool) throws InterruptedException {
    try {
      exec(List.of(tool, "--version"), DIR.resolve(tool + ".log"), 30);
    } catch (IOException e) {
      String message = tool + " is not installed or not on the PATH; pusher-js needs Node.js";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message + " (CI=true, so this is a failure, not a skip)", e);
      }
      Assumptions.abort(message + " (skipped; on CI this fails)");
    }
  }

  /** Runs a command to completion within {@code seconds}; returns its combined output. */
  private static String exec(List<String> command, Path log, int seconds)
      throws IOException, InterruptedException {
    Process process = start(command, log);
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(String.join(" ", command) + " took over " + seconds + " s:\n" + Files.readString(log));
    }
    String text = Files.readString(log);
    if (process.exitValue() != 0) {
      fail(String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + text);
    }
    return text;
  }

  private static Process start(List<String> command, Path output) throws IOException {
    return new ProcessBuilder(command)
        .directory(DIR.toFile())
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
  }
}
