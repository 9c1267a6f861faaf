package dev.herald.server.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code herald terminate USER}: closes every connection signed in as the user, on every node
 * ({@code POST /apps/{id}/users/{user_id}/terminate_connections}).
 */
@Command(
    name = "terminate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    usageHelpAutoWidth = true,
    description = "Closes every connection signed in as the user, on every node.")
final class TerminateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "USER",
      description = "the user_id the clients signed in as")
  String userId;

  @Mixin ServerOptions server;

  private final Map<String, String> env;
  private final Clock clock;

  TerminateCommand(Map<String, String> env, Clock clock) {
    this.env = env;
    this.clock = clock;
  }

  @Override
  public Integer call() throws InterruptedException {
    ApiClient api = server.client(env, clock);
    ApiClient.json(
        api.post(api.appPath("/users/" + userId + "/terminate_connections"), new byte[0]));
    PrintWriter out = spec.commandLine().getOut();
    out.println("terminated the connections of user " + userId + " in app " + api.appId());
    out.flush();
    return 0;
  }
}
