package dev.herald.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code herald channels}: the app's occupied channels ({@code GET /apps/{id}/channels}), one a
 * line with the attributes asked for, then how many there are.
 */
@Command(
    name = "channels",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    usageHelpAutoWidth = true,
    description = "Lists the app's occupied channels.")
final class ChannelsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--prefix",
      paramLabel = "PREFIX",
      description = "only channels whose name starts with this, e.g. presence-")
  String prefix;

  @Option(
      names = "--info",
      paramLabel = "ATTRIBUTES",
      description =
          "attributes to show, comma-separated: subscription_count, user_count (user_count needs"
              + " --prefix presence-)")
  String info;

  @Mixin ServerOptions server;

  private final Map<String, String> env;
  private final Clock clock;

  ChannelsCommand(Map<String, String> env, Clock clock) {
    this.env = env;
    this.clock = clock;
  }

  @Override
  public Integer call() throws InterruptedException {
    Map<String, String> params = new LinkedHashMap<>();
    if (prefix != null) {
      params.put("filter_by_prefix", prefix);
    }
    if (info != null) {
      params.put("info", info);
    }
    ApiClient api = server.client(env, clock);
    JsonNode channels = api.getJson(api.appPath("/channels"), params).path("channels");
    PrintWriter out = spec.commandLine().getOut();
    channels
        .fields()
        .forEachRemaining(
            channel -> out.println(channel.getKey() + attributes(channel.getValue())));
    int count = channels.size();
    out.println(count + (count == 1 ? " channel" : " channels"));
    out.flush();
    return 0;
  }

  /** {@code " user_count=2 subscription_count=3"}, or nothing when no attribute was asked for. */
  static String attributes(JsonNode attributes) {
    StringBuilder line = new StringBuilder();
    attributes
        .fields()
        .forEachRemaining(
            a ->
                line.append(line.length() == 0 ? "  " : " ")
                    .append(a.getKey())
                    .append('=')
                    .append(a.getValue().isTextual() ? a.getValue().asText() : a.getValue()));
    return line.toString();
  }
}
