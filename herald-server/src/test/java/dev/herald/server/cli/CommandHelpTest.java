package dev.herald.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every command explains itself with {@code --help} and is listed by {@code herald --help}. */
class CommandHelpTest {
  @ParameterizedTest
  @CsvSource({
    "serve, --config",
    "trigger, --channel",
    "channels, --prefix --info --url --app-id --key --secret",
    "channel, NAME --url --app-id --key --secret",
    "terminate, USER --url --app-id --key --secret",
    "ping, --url",
    "reload, --admin-token --url",
    "stats, --app --url",
    "monitor, --json --url --app-id --key --secret",
    "config check, FILE",
    "config, check",
  })
  void explainsItsOptions(String command, String options) {
    String[] args = (command + " --help").split(" ");

    CliRun run = CliRun.run(Map.of(), args);

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("Usage: herald " + command).contains(options.split(" "));
    assertThat(CliRun.run(Map.of(), "--help").out()).contains("  " + command.split(" ")[0] + " ");
  }
}
