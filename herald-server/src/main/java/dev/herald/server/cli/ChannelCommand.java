package dev.herald.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.ChannelName;
import dev.herald.pusher.ChannelType;
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
 * {@code herald channel NAME}: one channel's state ({@code GET /apps/{id}/channels/{name}}) with
 * its subscription count, and for a presence channel its user count and users ({@code …/users}).
 */
@Command(
    name = "channel",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    usageHelpAutoWidth = true,
    description = "Shows one channel: occupied, subscription count; for presence, its users.")
final class ChannelCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "the channel, e.g. presence-room")
  String name;

  @Mixin ServerOptions server;

  private final Map<String, String> env;
  private final Clock clock;

  ChannelCommand(Map<String, String> env, Clock clock) {
    this.env = env;
    this.clock = clock;
  }

  @Override
  public Integer call() throws InterruptedException {
    boolean presence = name.startsWith(ChannelType.PRESENCE_PREFIX);
    String info =
        "subscription_count"
            + (presence ? ",user_count" : "")
            + (ChannelName.isCache(name) ? ",cache" : "");
    ApiClient api = server.client(env, clock);
    String path = api.appPath("/channels/" + name);
    JsonNode channel = api.getJson(path, Map.of("info", info));
    PrintWriter out = spec.commandLine().getOut();
    out.println(name);
    channel.fields().forEachRemaining(f -> out.println("  " + f.getKey() + ": " + f.getValue()));
    if (presence) {
      JsonNode users = api.getJson(path + "/users", Map.of()).path("users");
      out.println("  users:" + (users.isEmpty() ? " none" : ""));
      users.forEach(user -> out.println("    " + user.path("id").asText()));
    }
    out.flush();
    return 0;
  }
}
