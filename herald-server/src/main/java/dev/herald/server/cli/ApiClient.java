package dev.herald.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.ApiSignature;
import dev.herald.pusher.PusherJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The HTTP API of one running server as the commands use it: requests signed with an app's secret
 * ({@link ApiSignature}, as every Pusher SDK signs them) and the open {@code /up} and {@code
 * /metrics}. Blocking; one per command invocation.
 */
final class ApiClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String base;
  private final String appId;
  private final String key;
  private final String secret;
  private final Clock clock;
  // HTTP/1.1: the default HTTP/2 would first try an h2c upgrade, which the server does not speak.
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /**
   * @param base the server URL without a trailing slash
   */
  ApiClient(String base, String appId, String key, String secret, Clock clock) {
    this.base = base;
    this.appId = appId;
    this.key = key;
    this.secret = secret;
    this.clock = clock;
  }

  /** A client for the open endpoints only ({@code /up}, {@code /metrics}): it cannot sign. */
  static ApiClient unsigned(String base, Clock clock) {
    return new ApiClient(base, null, null, null, clock);
  }

  /** The server URL. */
  String base() {
    return base;
  }

  /** The app requests are signed for. */
  String appId() {
    return appId;
  }

  /** {@code /apps/{app_id}} followed by {@code rest}. */
  String appPath(String rest) {
    return "/apps/" + appId + rest;
  }

  /** A signed {@code GET path?params}. */
  HttpResponse<String> get(String path, Map<String, String> params) throws InterruptedException {
    return send(signed("GET", path, params, new byte[0]).GET().build(), ofString());
  }

  /**
   * A signed {@code GET path?params} answered with JSON.
   *
   * @throws ApiRefusedException when the server does not answer 2xx
   */
  JsonNode getJson(String path, Map<String, String> params) throws InterruptedException {
    return json(get(path, params));
  }

  /** The body of a 2xx answer as JSON; a refusal as {@link ApiRefusedException}. */
  static JsonNode json(HttpResponse<String> response) {
    if (response.statusCode() / 100 != 2) {
      throw ApiRefusedException.of(response);
    }
    try {
      return PusherJson.mapper().readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the server answered with invalid JSON: " + e.getMessage());
    }
  }

  /** A signed {@code POST path} with a JSON body. */
  HttpResponse<String> post(String path, byte[] body) throws InterruptedException {
    HttpRequest request =
        signed("POST", path, Map.of(), body)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return send(request, ofString());
  }

  /** A signed {@code GET path} whose body is read as it arrives, without a timeout. */
  HttpResponse<InputStream> stream(String path) throws InterruptedException {
    HttpRequest request =
        untimed("GET", path, Map.of(), new byte[0])
            .header("Accept", "text/event-stream")
            .GET()
            .build();
    return send(request, HttpResponse.BodyHandlers.ofInputStream());
  }

  /** An unsigned {@code GET path} ({@code /up}, {@code /metrics}). */
  HttpResponse<String> getOpen(String path) throws InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).build(), ofString());
  }

  private HttpRequest.Builder signed(
      String method, String path, Map<String, String> params, byte[] body) {
    return untimed(method, path, params, body).timeout(TIMEOUT);
  }

  private HttpRequest.Builder untimed(
      String method, String path, Map<String, String> params, byte[] body) {
    return HttpRequest.newBuilder(
        URI.create(base + path + "?" + query(sign(method, path, params, body))));
  }

  private Map<String, String> sign(
      String method, String path, Map<String, String> params, byte[] body) {
    return ApiSignature.signedParams(
        key, secret, method, path, params, body, clock.instant().getEpochSecond());
  }

  private <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> body)
      throws InterruptedException {
    try {
      return http.send(request, body);
    } catch (IOException e) {
      throw new ServerUnreachableException(base, describe(e));
    }
  }

  private static BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
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
}
