package dev.herald.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.pusher.ApiSignature;
import dev.herald.pusher.PusherJson;
import dev.herald.server.app.DevelopmentApp;
import dev.herald.server.config.EnvironmentVariables;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
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
  /** Where the development server listens. */
  static final String DEFAULT_URL = "http://" + DevelopmentApp.HOST + ":6001";

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

  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "server URL (default: $HERALD_URL, else " + DEFAULT_URL + ")")
  String url;

  @Option(names = "--app-id", paramLabel = "ID", description = "app id (default: $HERALD_APP_ID)")
  String appId;

  @Option(names = "--key", paramLabel = "KEY", description = "app key (default: $HERALD_APP_KEY)")
  String key;

  @Option(
      names = "--secret",
      paramLabel = "SECRET",
      description = "app secret (default: $HERALD_APP_SECRET)")
  String secret;

  private final Map<String, String> env;
  private final Clock clock;

  TriggerCommand(Map<String, String> env, Clock clock) {
    this.env = env;
    this.clock = clock;
  }

  @Override
  public Integer call() throws InterruptedException {
    String id = choose(appId, EnvironmentVariables.APP_ID, DevelopmentApp.ID);
    String path = "/apps/" + id + "/events";
    String base = choose(url, EnvironmentVariables.URL, DEFAULT_URL).replaceAll("/+$", "");
    byte[] body = body();
    Map<String, String> params =
        ApiSignature.signedParams(
            choose(key, EnvironmentVariables.APP_KEY, DevelopmentApp.KEY),
            choose(secret, EnvironmentVariables.APP_SECRET, DevelopmentApp.SECRET),
            "POST",
            path,
            Map.of(),
            body,
            clock.instant().getEpochSecond());
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path + "?" + query(params)))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    HttpResponse<String> response;
    try {
      response = client().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      err.println("herald trigger: cannot reach " + base + ": " + describe(e));
      err.flush();
      return 1;
    }
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

  private String choose(String flag, String variable, String fallback) {
    return Optional.ofNullable(flag)
        .or(() -> Optional.ofNullable(env.get(variable)).filter(v -> !v.isBlank()))
        .orElse(fallback);
  }

  private static String query(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The first message in the cause chain: the JDK's ConnectException often has none. */
  private static String describe(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null) {
        return t.getMessage();
      }
    }
    return e.getClass().getSimpleName();
  }

  private static HttpClient client() {
    // HTTP/1.1: the default HTTP/2 would first try an h2c upgrade, which the server does not speak.
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }
}
