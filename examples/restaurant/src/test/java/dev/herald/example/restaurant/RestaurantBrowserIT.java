package dev.herald.example.restaurant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo in a real browser: the app and its embedded Herald on free ports, and {@code
 * src/test/js/restaurant-browser.cjs} driving Debian's chromium with playwright-core through a
 * customer's order, the kitchen, the driver and a refused subscription. Screenshots at 1280x800 and
 * 390x844 go to {@code target/screenshots}, with the script's log ({@code browser.log}).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"herald.server.port=0"})
class RestaurantBrowserIT {
  private static final Path CHROMIUM =
      Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
  private static final Path SCRIPT = Path.of("src/test/js/restaurant-browser.cjs");
  private static final long LIMIT_SECONDS = 180;

  @LocalServerPort int port;

  @Test
  void pagesFollowAnOrderFromTheKitchenToTheDoorAndRefuseAnotherCustomersChannel()
      throws IOException, InterruptedException {
    boolean ci = "true".equals(System.getenv("CI"));
    assumeTrue(
        ci || Files.isExecutable(CHROMIUM),
        "no chromium at " + CHROMIUM + " (apt-get install chromium); CI=true fails instead");
    Path shots = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    Files.createDirectories(shots);
    Path log = shots.resolve("browser.log");
    ProcessBuilder node =
        new ProcessBuilder("node", SCRIPT.toString(), "http://127.0.0.1:" + port, shots.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    node.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    node.environment().put("CHROMIUM", CHROMIUM.toString());
    Process run = node.start();
    if (!run.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
      run.destroyForcibly();
      fail("the browser test ran past " + LIMIT_SECONDS + " s:\n" + read(log));
    }
    String output = read(log);

    assertThat(run.exitValue()).as(output).isZero();
    assertThat(output)
        .as(output)
        .contains(
            "ok the kitchen display lists the staff on duty from the presence channel",
            "ok the new order appeared on both kitchen displays",
            "ok preparing: the ticket moved and the tracker followed",
            "ok ready: the ticket moved and the tracker followed",
            "ok the offer reached the driver; accepting it told the customer and the kitchen",
            "ok out for delivery: the tracker followed and the ticket left the board",
            "ok the driver moved on the customer's map (DriverLocationUpdated)",
            "ok the customer saw \"Dave Miller is typing…\"",
            "ok delivered: the tracker followed",
            "ok alice cannot join private-customer.2; the page says: Not allowed",
            "done");
    for (String page : new String[] {"customer", "kitchen", "driver", "customer-refused"}) {
      assertThat(shots.resolve(page + "-1280x800.png")).isNotEmptyFile();
      assertThat(shots.resolve(page + "-390x844.png")).isNotEmptyFile();
    }
  }

  private static String read(Path log) throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }
}
