package dev.herald.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.herald.pusher.ApiSignature;
import dev.herald.pusher.PusherJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Runs {@code herald trigger} against a JDK HTTP server that checks the request like Herald. */
class TriggerCommandTest {
  private static final long NOW = 1_700_000_000L;
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);

  /** One request as the fake server saw it. */
  record Received(String method, String path, Map<String, String> params, byte[] body) {}

  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private volatile int status = 200;
  private HttpServer server;
  private String url;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          received.add(
              new Received(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getPath(),
                  params(exchange.getRequestURI().getRawQuery()),
                  body));
          byte[] reply = (status == 200 ? "{}" : "{\"error\":\"nope\"}").getBytes();
          exchange.sendResponseHeaders(status, reply.length);
          exchange.getResponseBody().write(reply);
          exchange.close();
        });
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private int trigger(Map<String, String> env, String... args) {
    CommandLine cli = new HeraldCli(env, CLOCK).commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    String[] full = new String[args.length + 1];
    full[0] = "trigger";
    System.arraycopy(args, 0, full, 1, args.length);
    return cli.execute(full);
  }

  @Test
  void signsTheEventSoThatTheServerCanVerifyIt() throws Exception {
    int code =
        trigger(
            Map.of(),
            "--url",
            url + "/",
            "--app-id",
            "7",
            "--key",
            "key-7",
            "--secret",
            "secret-7",
            "--channel",
            "orders",
            "--channel",
            "private-audit",
            "--event",
            "order-shipped",
            "--data",
            "{\"id\":12}",
            "--socket-id",
            "123.456");

    assertThat(code).isZero();
    Received request = received.remove();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/apps/7/events");
    Map<String, String> params = request.params();
    assertThat(params)
        .containsEntry("auth_key", "key-7")
        .containsEntry("auth_timestamp", Long.toString(NOW))
        .containsEntry("auth_version", "1.0")
        .containsEntry("body_md5", md5Hex(request.body()));
    assertThat(params.get("auth_signature"))
        .isEqualTo(ApiSignature.sign("secret-7", "POST", "/apps/7/events", params));
    JsonNode body = PusherJson.mapper().readTree(request.body());
    assertThat(body.get("name").asText()).isEqualTo("order-shipped");
    assertThat(body.get("channels")).hasSize(2);
    assertThat(body.get("channels").get(0).asText()).isEqualTo("orders");
    assertThat(body.get("channels").get(1).asText()).isEqualTo("private-audit");
    assertThat(body.get("data").isTextual()).isTrue();
    assertThat(body.get("data").asText()).isEqualTo("{\"id\":12}");
    assertThat(body.get("socket_id").asText()).isEqualTo("123.456");
    assertThat(out.toString()).contains("HTTP 200").contains("{}");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void takesCredentialsAndUrlFromTheEnvironment() throws IOException {
    Map<String, String> env =
        Map.of(
            "HERALD_URL", url,
            "HERALD_APP_ID", "env-app",
            "HERALD_APP_KEY", "env-key",
            "HERALD_APP_SECRET", "env-secret");

    int code = trigger(env, "--channel", "c", "--event", "e", "--data", "{}");

    assertThat(code).isZero();
    Received request = received.remove();
    assertThat(request.path()).isEqualTo("/apps/env-app/events");
    assertThat(request.params()).containsEntry("auth_key", "env-key");
    assertThat(request.params().get("auth_signature"))
        .isEqualTo(ApiSignature.sign("env-secret", "POST", request.path(), request.params()));
    assertThat(PusherJson.mapper().readTree(request.body()).has("socket_id")).isFalse();
  }

  @Test
  void fallsBackToTheDevelopmentApp() {
    int code = trigger(Map.of(), "--url", url, "--channel", "c", "--event", "e", "--data", "1");

    assertThat(code).isZero();
    Received request = received.remove();
    assertThat(request.path()).isEqualTo("/apps/herald-dev/events");
    assertThat(request.params()).containsEntry("auth_key", "herald-dev-key");
    assertThat(request.params().get("auth_signature"))
        .isEqualTo(
            ApiSignature.sign("herald-dev-secret", "POST", request.path(), request.params()));
  }

  @Test
  void exitsWithOneWhenTheServerRefusesTheEvent() {
    status = 401;

    int code = trigger(Map.of(), "--url", url, "--channel", "c", "--event", "e", "--data", "1");

    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("HTTP 401").contains("nope");
    assertThat(err.toString()).contains("refused the event (HTTP 401)");
  }

  @Test
  void exitsWithOneWhenTheServerCannotBeReached() {
    server.stop(0);

    int code = trigger(Map.of(), "--url", url, "--channel", "c", "--event", "e", "--data", "1");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("cannot reach " + url);
  }

  @Test
  void exitsWithTwoWhenARequiredOptionIsMissing() {
    int code = trigger(Map.of(), "--url", url, "--channel", "c", "--data", "1");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--event");
    assertThat(received).isEmpty();
  }

  private static Map<String, String> params(String rawQuery) {
    Map<String, String> params = new HashMap<>();
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
    }
    return params;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static String md5Hex(byte[] body) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
  }
}
