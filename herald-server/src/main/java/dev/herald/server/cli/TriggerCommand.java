package dev.herald.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.pusher.PusherJson;
import java.io.PrintWriter;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code herald trigger}: sends one event through the HTTP API ({@code POST /apps/{id}/events}),
 * signed with the app secret. Credentials come from the flags, else {@code HERALD_APP_*}, else the
 * development app. Prints the response status and body; exit code 0 on 2xx, 1 otherwise.
 */
@Command(
    name = "trigger",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    usageHelpAutoWidth = true,
    description = "Sends an event to channels through the HTTP API, signed with the app secret.")
final class TriggerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--channel",
      required = true,
      paramLabel = "CHANNEL",
      description = "channel to send to; repeat for several")
  List<String> channels;

  @Option(names = "--event", required = true, paramLabel = "EVENT", description = "event name")
  String event;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "JSON",
      description = "event data, sent as given")
  String data;

  @Option(
      names = "--socket-id",
      paramLabel = "ID",
      description = "socket id to exclude from delivery")
  String socketId;

  @Mixin ServerOptions server;

  private final Map<String, String> env;
  private final Clock clock;

  TriggerCommand(Map<String, String> env, Clock clock) {
    this.env = env;
    this.clock = clock;
  }

  @Override
  public Integer call() throws InterruptedException {
    ApiClient api = server.client(env, clock);
    HttpResponse<String> response = api.post(api.appPath("/events"), body());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    out.println("HTTP " + response.statusCode());
    if (!response.body().isEmpty()) {
      out.println(response.body());
    }
    out.flush();
    if (response.statusCode() / 100 == 2) {
      return 0;
    }
    err.println(
        "herald trigger: the server refused the event (HTTP " + response.statusCode() + ")");
    err.flush();
    return 1;
  }

  /** The {@code /events} body: {@code data} is a string, as the Pusher HTTP API requires. */
  private byte[] body() {
    ObjectNode body = PusherJson.mapper().createObjectNode();
    body.put("name", event);
    channels.forEach(body.putArray("channels")::add);
    body.put(PusherJson.DATA, data);
    if (socketId != null) {
      body.put("socket_id", socketId);
    }
    try {
      return PusherJson.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the event could not be written as JSON", e);
    }
  }
}
