package dev.herald.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code herald apps new} without a database: it prints new credentials and stores nothing. */
class NewAppCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> env, String... args) {
    CommandLine cli = new HeraldCli(env).commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  /** The printed {@code name: value} lines. */
  private List<String> printed() {
    return out.toString().lines().toList();
  }

  @Test
  void printsANewIdKeyAndA32ByteSecretAsYaml() {
    assertThat(run(Map.of(), "apps", "new")).isZero();

    assertThat(printed()).hasSize(3);
    assertThat(printed().get(0)).matches("id: [1-9][0-9]{8}");
    assertThat(printed().get(1)).matches("key: [0-9a-f]{20}");
    assertThat(printed().get(2)).matches("secret: [0-9a-f]{64}");
    assertThat(err.toString()).contains("Not stored anywhere");
  }

  @Test
  void drawsDifferentCredentialsEachTime() {
    run(Map.of(), "apps", "new");
    List<String> first = printed();
    out.getBuffer().setLength(0);
    run(Map.of(), "apps", "new");

    assertThat(printed()).doesNotContainAnyElementsOf(first);
  }

  @Test
  void takesTheIdItIsGiven() {
    assertThat(run(Map.of(), "apps", "new", "--id", "my-app")).isZero();

    assertThat(printed().get(0)).isEqualTo("id: my-app");
  }

  @Test
  void refusesDatabaseWhenNoDatabaseIsConfigured() {
    assertThat(run(Map.of(), "apps", "new", "--database")).isEqualTo(1);

    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).contains("herald apps new: --database needs a database");
  }

  @Test
  void explainsItselfAndItsParent() {
    assertThat(run(Map.of(), "apps", "new", "--help")).isZero();
    assertThat(out.toString()).contains("--database", "--id", "--config");

    assertThat(run(Map.of(), "apps")).isEqualTo(2);
    assertThat(err.toString()).contains("try 'herald apps new'");
  }
}
