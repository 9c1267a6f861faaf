package dev.herald.server.cli;

import java.io.PrintWriter;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code herald ping}: whether the server is up ({@code GET /up}) and the round trip it took. Exit
 * code 0 when it answers 200, 1 when it cannot be reached or answers anything else.
 */
@Command(
    name = "ping",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    usageHelpAutoWidth = true,
    description = "Checks that the server is up (GET /up) and prints the round-trip time.")
final class PingCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin UrlOption url;

  private final Map<String, String> env;
  private final Clock clock;

  PingCommand(Map<String, String> env, Clock clock) {
    this.env = env;
    this.clock = clock;
  }

  @Override
  public Integer call() throws InterruptedException {
    ApiClient api = ApiClient.unsigned(url.resolve(env), clock);
    long started = System.nanoTime();
    HttpResponse<String> response = api.getOpen("/up");
    double millis = (System.nanoTime() - started) / (double) TimeUnit.MILLISECONDS.toNanos(1);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          api.base() + " is not up: GET /up answered HTTP " + response.statusCode());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%s is up: GET /up answered in %.1f ms%n", api.base(), millis);
    out.flush();
    return 0;
  }
}
