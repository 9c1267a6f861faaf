package dev.herald.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HeraldCliTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> env, String... args) {
    CommandLine cli = new HeraldCli(env).commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void printsTheVersion() {
    assertThat(run(Map.of(), "--version")).isZero();
    assertThat(out.toString()).startsWith("herald ");
  }

  @Test
  void printsHelpListingTheCommands() {
    assertThat(run(Map.of(), "--help")).isZero();
    assertThat(out.toString()).contains("serve").contains("trigger").contains("--version");
  }

  @Test
  void printsHelpForASubcommand() {
    assertThat(run(Map.of(), "serve", "--help")).isZero();
    assertThat(out.toString())
        .contains("--config")
        .contains("--host")
        .contains("--port")
        .contains("--redis");
  }

  @Test
  void exitsWithTwoWithoutACommand() {
    assertThat(run(Map.of())).isEqualTo(2);
    assertThat(err.toString()).contains("Missing command");
  }

  @Test
  void exitsWithTwoOnAnUnknownOption() {
    assertThat(run(Map.of(), "serve", "--prot", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("--prot");
  }

  @Test
  void reportsAConfigurationErrorWithoutAStackTrace() {
    assertThat(run(Map.of("HERALD_APP_ID", "1"), "serve")).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("herald serve: Missing environment variable")
        .doesNotContain("\tat ");
  }

  @Test
  void reportsABadRedisUrlWithoutItsPassword() {
    assertThat(run(Map.of("HERALD_REDIS_URL", "http://:secret@redis.internal:6379"), "serve"))
        .isEqualTo(1);
    assertThat(err.toString())
        .startsWith("herald serve: Invalid HERALD_REDIS_URL")
        .contains("http://***@redis.internal:6379")
        .doesNotContain("secret");
  }

  @Test
  void reportsAnUnparsableRedisFlagWithoutItsPassword() {
    assertThat(run(Map.of(), "serve", "--redis", "redis://:p^ss word@redis.internal")).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("herald serve: Invalid --redis")
        .doesNotContain("p^ss")
        .doesNotContain("ss word");
  }
}
