package dev.herald.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.PusherJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code herald monitor}: a live tail of one app on one node ({@code GET /apps/{id}/monitor},
 * Server-Sent Events): connections opened and closed, subscriptions, client events and events
 * published through the API, one a line, until Ctrl-C. Exit code 1 when the server ends the stream.
 */
@Command(
    name = "monitor",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    usageHelpAutoWidth = true,
    description = {
      "Tails an app live: connections, subscriptions, client and API events, until Ctrl-C.",
      "Shows what happens on the node at --url; in a cluster, watch each node."
    })
final class MonitorCommand implements Callable<Integer> {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "print each event as the server sent it, JSON a line")
  boolean json;

  @Mixin ServerOptions server;

  private final Map<String, String> env;
  private final Clock clock;

  MonitorCommand(Map<String, String> env, Clock clock) {
    this.env = env;
    this.clock = clock;
  }

  @Override
  public Integer call() throws InterruptedException, IOException {
    ApiClient api = server.client(env, clock);
    HttpResponse<InputStream> response = api.stream(api.appPath("/monitor"));
    try (InputStream body = response.body();
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      if (response.statusCode() != 200) {
        throw ApiRefusedException.of(
            response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
      }
      PrintWriter out = spec.commandLine().getOut();
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith("data: ")) {
          out.println(json ? line.substring(6) : describe(line.substring(6), api));
          out.flush();
        }
      }
    } catch (IOException e) {
      // The connection broke (the server stopped, the network failed): said below.
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println("herald monitor: the server at " + api.base() + " ended the stream");
    err.flush();
    return 1;
  }

  /** {@code 12:00:01.250 subscribed socket_id=1.2 channel=news}. */
  static String describe(String eventJson, ApiClient api) throws IOException {
    JsonNode event = PusherJson.mapper().readTree(eventJson);
    String type = event.path("type").asText();
    String time = TIME.format(Instant.ofEpochMilli(event.path("time").asLong()));
    if (type.equals("monitor_started")) {
      return time + "  watching app " + api.appId() + " on " + api.base() + " (Ctrl-C to stop)";
    }
    if (type.equals("dropped")) {
      return time
          + "  "
          + event.path("count").asLong()
          + " events dropped: the monitor fell behind";
    }
    StringBuilder line = new StringBuilder(time).append("  ").append(type);
    for (Iterator<Map.Entry<String, JsonNode>> it = event.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      if (!name.equals("type") && !name.equals("time") && !name.equals("app_id")) {
        line.append("  ").append(name).append('=').append(field.getValue().asText());
      }
    }
    return line.toString().strip();
  }
}
