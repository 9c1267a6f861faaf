package dev.herald.server.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/** One run of the {@code herald} command line: its exit code and what it printed. */
record CliRun(int code, String out, String err) {
  /** Runs {@code args} with the environment {@code env} and the system clock. */
  static CliRun run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new HeraldCli(env, Clock.systemUTC()).commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
