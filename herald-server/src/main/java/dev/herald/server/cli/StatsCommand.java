package dev.herald.server.cli;

import java.io.PrintWriter;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code herald stats}: per app, the connections, channels and messages in and out of one node,
 * read from its {@code GET /metrics} (no credentials needed). In a cluster, ask each node.
 */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    usageHelpAutoWidth = true,
    description = {
      "Shows per app: connections, channels, messages in (from clients) and out (delivered).",
      "Read from the node's GET /metrics; in a cluster each node counts its own clients."
    })
final class StatsCommand implements Callable<Integer> {
  private static final String ROW = "%-20s %12s %10s %12s %13s%n";

  @Spec CommandSpec spec;

  @Option(names = "--app", paramLabel = "ID", description = "only this app")
  String app;

  @Mixin UrlOption url;

  private final Map<String, String> env;
  private final Clock clock;

  StatsCommand(Map<String, String> env, Clock clock) {
    this.env = env;
    this.clock = clock;
  }

  @Override
  public Integer call() throws InterruptedException {
    ApiClient api = ApiClient.unsigned(url.resolve(env), clock);
    HttpResponse<String> response = api.getOpen("/metrics");
    if (response.statusCode() != 200) {
      throw ApiRefusedException.of(response);
    }
    Map<String, AppStats> stats = AppStats.parse(response.body());
    if (app != null && !stats.containsKey(app)) {
      throw new IllegalArgumentException(
          "the server at " + api.base() + " has no app '" + app + "'");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(ROW, "APP", "CONNECTIONS", "CHANNELS", "MESSAGES IN", "MESSAGES OUT");
    stats.forEach(
        (id, s) -> {
          if (app == null || app.equals(id)) {
            out.printf(ROW, id, s.connections(), s.channels(), s.messagesIn(), s.messagesOut());
          }
        });
    out.flush();
    return 0;
  }
}
