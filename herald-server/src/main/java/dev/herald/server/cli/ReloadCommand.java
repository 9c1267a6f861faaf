package dev.herald.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.PusherJson;
import dev.herald.server.config.EnvironmentVariables;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code herald reload}: asks a running {@code herald serve} to read its configuration again, as
 * SIGHUP does, over HTTP with the admin token ({@code POST /console/api/reload}). Exit code 0 when
 * it reloaded, 1 when it refused (the reason is printed) or cannot be reached.
 */
@Command(
    name = "reload",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    usageHelpAutoWidth = true,
    description = {
      "Makes a running server read its configuration again (as SIGHUP does) without dropping"
          + " connections.",
      "Needs the server's admin_token (a development server on this machine needs none)."
    })
final class ReloadCommand implements Callable<Integer> {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Spec CommandSpec spec;

  @Mixin UrlOption url;

  @Option(
      names = "--admin-token",
      paramLabel = "TOKEN",
      description = "the server's admin_token (default: $HERALD_ADMIN_TOKEN)")
  String adminToken;

  private final Map<String, String> env;

  ReloadCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws InterruptedException {
    String base = url.resolve(env);
    String token = ServerOptions.choose(env, adminToken, EnvironmentVariables.ADMIN_TOKEN, null);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/console/api/reload"))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response;
    try {
      response =
          HttpClient.newHttpClient()
              .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ServerUnreachableException(base, e.getClass().getSimpleName());
    }
    JsonNode body = parse(response.body());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          base
              + " did not reload (HTTP "
              + response.statusCode()
              + "): "
              + body.path("error").asText(response.body()));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "reloaded %s: added %s, changed %s, closed %s%n",
        base, list(body, "added"), list(body, "changed"), list(body, "closed"));
    out.flush();
    return 0;
  }

  private static JsonNode parse(String body) {
    try {
      return PusherJson.mapper().readTree(body);
    } catch (IOException e) {
      return PusherJson.mapper().createObjectNode();
    }
  }

  private static String list(JsonNode body, String field) {
    return body.path(field).isEmpty() ? "none" : body.path(field).toString();
  }
}
