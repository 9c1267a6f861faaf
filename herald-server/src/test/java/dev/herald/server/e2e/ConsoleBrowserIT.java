package dev.herald.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.herald.server.HeraldServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The debug console in a real browser: a server with two apps and an admin token on a free port,
 * and {@code src/test/js/console-browser.cjs} driving Debian's chromium with playwright-core
 * (installed by npm into {@code target/playwright}; the browser is never downloaded). Screenshots
 * at 1280x800 and 390x844 go to {@code target/screenshots}, with the script's log. Skipped when
 * chromium is missing, unless {@code CI=true}, where that fails.
 */
class ConsoleBrowserIT {
  private static final Path CHROMIUM =
      Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
  private static final Path SCRIPT = Path.of("src/test/js/console-browser.cjs");
  private static final Path PLAYWRIGHT = Path.of("target", "playwright");
  private static final String PLAYWRIGHT_VERSION = "1.65.1";
  private static final String TOKEN = "browser-it-admin-token";
  private static final long LIMIT_SECONDS = 120;

  private HeraldServer server;

  @BeforeEach
  void start() {
    server = ConsoleServer.start(TOKEN);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void showsAConnectionDeliversATestEventFromItsFormAndNothingOfAnotherApp()
      throws IOException, InterruptedException {
    boolean ci = "true".equals(System.getenv("CI"));
    assumeTrue(
        ci || Files.isExecutable(CHROMIUM),
        "no chromium at " + CHROMIUM + " (apt-get install chromium); CI=true fails instead");
    installPlaywright();
    Path shots = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    Files.createDirectories(shots);
    Path log = shots.resolve("console-browser.log");
    Process run =
        process(
                List.of(
                    "node",
                    SCRIPT.toString(),
                    PLAYWRIGHT.toAbsolutePath().toString(),
                    "http://127.0.0.1:" + server.port(),
                    TOKEN,
                    shots.toString()),
                log)
            .start();
    if (!run.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
      run.destroyForcibly();
      fail("the browser test ran past " + LIMIT_SECONDS + " s:\n" + read(log));
    }
    String output = read(log);

    assertThat(run.exitValue()).as(output).isZero();
    assertThat(output)
        .as(output)
        .contains(
            "ok a wrong admin token is refused on the login form",
            "ok signed in with the admin token",
            "ok the console shows the test client's connection",
            "ok the test event sent from the form arrived at the subscribed client and in the log",
            "ok the log of shop shows nothing of app blog's connection, channel or event",
            "ok the log filters by event name, and holds new rows while paused until resumed",
            "ok the disconnect shows in the log with its code (",
            "done")
        .doesNotContain("page error");
    for (String page : new String[] {"console", "console-login"}) {
      assertThat(shots.resolve(page + "-1280x800.png")).isNotEmptyFile();
      assertThat(shots.resolve(page + "-390x844.png")).isNotEmptyFile();
    }
  }

  /** npm installs playwright-core (once) into target/playwright, without a browser. */
  private static void installPlaywright() throws IOException, InterruptedException {
    Files.createDirectories(PLAYWRIGHT);
    if (Files.exists(PLAYWRIGHT.resolve("node_modules/playwright-core/package.json"))) {
      return;
    }
    // Our own package.json keeps npm from installing into a parent directory's project.
    Files.writeString(
        PLAYWRIGHT.resolve("package.json"),
        "{\"name\":\"herald-console-browser\",\"private\":true}\n");
    Path log = PLAYWRIGHT.resolve("npm.log");
    Process npm =
        process(
                List.of(
                    "npm",
                    "install",
                    "--no-audit",
                    "--no-fund",
                    "--prefer-offline",
                    "playwright-core@" + PLAYWRIGHT_VERSION),
                log)
            .directory(PLAYWRIGHT.toFile())
            .start();
    if (!npm.waitFor(180, TimeUnit.SECONDS)) {
      npm.destroyForcibly();
      fail("npm install playwright-core took over 180 s:\n" + read(log));
    }
    assertThat(npm.exitValue()).as(read(log)).isZero();
  }

  private static ProcessBuilder process(List<String> command, Path log) {
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    builder.environment().put("CHROMIUM", CHROMIUM.toString());
    return builder;
  }

  private static String read(Path log) throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }
}
