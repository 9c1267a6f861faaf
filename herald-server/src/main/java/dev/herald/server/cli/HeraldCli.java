package dev.herald.server.cli;

import dev.herald.server.config.ConfigException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The {@code herald} command line: {@code serve}, {@code trigger}, the queries and checks of a
 * running server ({@code channels}, {@code channel}, {@code terminate}, {@code ping}, {@code
 * stats}, {@code monitor}, {@code reload}), {@code config check}, {@code apps new}, {@code help}
 * and {@code --version}. Exit codes: 0 on success, 1 when the command fails (the message goes to
 * stderr), 2 on bad usage. Not thread-safe; build one per invocation.
 */
final class HeraldCli {
  private final Map<String, String> env;
  private final Clock clock;

  /**
   * @param env the environment variables ({@code System.getenv()} in production)
   */
  HeraldCli(Map<String, String> env) {
    this(env, Clock.systemUTC());
  }

  HeraldCli(Map<String, String> env, Clock clock) {
    this.env = Map.copyOf(env);
    this.clock = clock;
  }

  /** Runs the command {@code args} names and returns its exit code. {@code serve} blocks. */
  int run(String... args) {
    return commandLine().execute(args);
  }

  /** The picocli command tree, with stdout and stderr settable by tests. */
  CommandLine commandLine() {
    CommandLine cli = new CommandLine(new HeraldCommand());
    cli.addSubcommand(new ServeCommand(env));
    cli.addSubcommand(new TriggerCommand(env, clock));
    cli.addSubcommand(
        new CommandLine(new AppsCommand())
            .addSubcommand(new NewAppCommand(env, new SecureRandom())));
    cli.addSubcommand(new ChannelsCommand(env, clock));
    cli.addSubcommand(new ChannelCommand(env, clock));
    cli.addSubcommand(new TerminateCommand(env, clock));
    cli.addSubcommand(new PingCommand(env, clock));
    cli.addSubcommand(new ReloadCommand(env));
    cli.addSubcommand(new StatsCommand(env, clock));
    cli.addSubcommand(new MonitorCommand(env, clock));
    cli.addSubcommand(
        new CommandLine(new ConfigCommand()).addSubcommand(new ConfigCheckCommand(env)));
    cli.addSubcommand(new CommandLine.HelpCommand());
    cli.setExecutionExceptionHandler(HeraldCli::failed);
    return cli;
  }

  /** Prints what went wrong; a stack trace only for errors that are not the user's to fix. */
  private static int failed(Exception e, CommandLine command, ParseResult parsed) {
    command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage());
    if (!(e instanceof ConfigException
        || e instanceof IllegalStateException
        || e instanceof IllegalArgumentException)) {
      e.printStackTrace(command.getErr());
    }
    command.getErr().flush();
    return 1;
  }
}
