package dev.herald.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code herald config check FILE}: validates without starting anything. */
class ConfigCheckCommandTest {
  @TempDir Path dir;

  @Test
  void saysWhatAValidFileWouldStart() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("herald.yml"),
            "host: 127.0.0.1\nport: 7000\n"
                + "apps:\n  - {id: shop, key: k1, secret: s1}\n  - {id: blog, key: k2, secret: s2}\n");

    CliRun run = CliRun.run(Map.of(), "config", "check", file.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .isEqualTo(
            String.format("OK: 2 apps (shop, blog), 127.0.0.1:7000, TLS off, single node%n"));
  }

  @Test
  void reportsTheFirstProblemAndExitsWithOne() throws IOException {
    Path file = Files.writeString(dir.resolve("herald.yml"), "apps:\n  - {id: shop, key: k1}\n");

    CliRun run = CliRun.run(Map.of(), "config", "check", file.toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).startsWith("herald config check: ").contains("secret");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void reportsAMissingFile() {
    CliRun run = CliRun.run(Map.of(), "config", "check", dir.resolve("nope.yml").toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).startsWith("herald config check: ").contains("nope.yml");
  }

  @Test
  void needsASubcommand() {
    CliRun run = CliRun.run(Map.of(), "config");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("herald config check");
  }
}
