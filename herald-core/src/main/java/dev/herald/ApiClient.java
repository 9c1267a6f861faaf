package dev.herald;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.ApiSignature;
import dev.herald.pusher.PusherJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Signs and sends requests to the Pusher HTTP API (protocol reference §1.11) over one {@code
 * java.net.http} client with keep-alive, HTTP/1.1 only (Herald has no h2c). Responses other than
 * 2xx and transport failures become {@link BroadcastException}s that name the request, the status
 * and the server's message, never the query string (it carries the signature) nor the secret.
 *
 * <p>Thread-safe; never blocks except in {@link #close}.
 */
final class ApiClient {
  private static final int MAX_MESSAGE = 300;

  private final HttpClient http;
  private final ExecutorService executor;
  private final URI base;
  private final String appId;
  private final String key;
  private final String secret;
  private final Clock clock;
  private final Duration requestTimeout;
  private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();

  ApiClient(
      URI base,
      String appId,
      String key,
      String secret,
      Clock clock,
      Duration connectTimeout,
      Duration requestTimeout) {
    this.base = base;
    this.appId = appId;
    this.key = key;
    this.secret = secret;
    this.clock = clock;
    this.requestTimeout = requestTimeout;
    this.executor = Executors.newCachedThreadPool(daemonThreads());
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .executor(executor)
            .build();
  }

  /** {@code POST /apps/{app_id}{path}} with a JSON body; completes with the parsed response. */
  CompletableFuture<JsonNode> post(String path, byte[] body) {
    return send("POST", path, Map.of(), body);
  }

  /** {@code GET /apps/{app_id}{path}} with query parameters; completes with the parsed response. */
  CompletableFuture<JsonNode> get(String path, Map<String, String> params) {
    return send("GET", path, params, new byte[0]);
  }

  private CompletableFuture<JsonNode> send(
      String method, String path, Map<String, String> params, byte[] body) {
    String fullPath = "/apps/" + appId + path;
    Map<String, String> signed =
        ApiSignature.signedParams(
            key, secret, method, fullPath, params, body, clock.instant().getEpochSecond());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(fullPath + "?" + query(signed)))
            .timeout(requestTimeout)
            .header("Accept", "application/json");
    if (method.equals("POST")) {
      request
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    } else {
      request.GET();
    }
    String what = method + " " + base.resolve(fullPath);
    CompletableFuture<JsonNode> result =
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
            .handle(
                (response, failure) -> {
                  if (failure != null) {
                    throw unreachable(what, failure);
                  }
                  return parse(what, response);
                });
    inFlight.add(result);
    result.whenComplete((r, e) -> inFlight.remove(result));
    return result;
  }

  private static JsonNode parse(String what, HttpResponse<String> response) {
    int status = response.statusCode();
    if (status / 100 != 2) {
      boolean retryable = status == 408 || status == 429 || status >= 500;
      throw new BroadcastException(
          what + " failed: HTTP " + status + ": " + serverMessage(response.body()),
          status,
          retryable,
          null);
    }
    if (response.body().isBlank()) {
      return PusherJson.mapper().createObjectNode();
    }
    try {
      return PusherJson.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new BroadcastException(
          what + " answered HTTP " + status + " with a body that is not JSON", status, false, e);
    }
  }

  /** Herald answers {@code {"error": …}}; Pusher answers plain text. */
  private static String serverMessage(String body) {
    String message = body.strip();
    try {
      JsonNode node = PusherJson.mapper().readTree(body);
      if (node != null && node.path("error").isTextual()) {
        message = node.get("error").textValue();
      }
    } catch (IOException e) {
      // Not JSON: keep the text as it is.
    }
    if (message.isEmpty()) {
      return "(no message)";
    }
    return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
  }

  private static BroadcastException unreachable(String what, Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    String reason =
        cause instanceof HttpTimeoutException ? "timed out" : describe(cause) + " (not reached)";
    return new BroadcastException(what + " failed: " + reason, true, cause);
  }

  /** The first message in the cause chain: the JDK's ConnectException often has none. */
  private static String describe(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t.getMessage() != null) {
        return t.getMessage();
      }
    }
    return failure.getClass().getSimpleName();
  }

  private static String query(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /**
   * Waits up to {@code timeout} for requests in flight, then releases the client's threads (and the
   * client itself on JDKs where it is closeable).
   */
  void close(Duration timeout) {
    CompletableFuture<?>[] pending = inFlight.toArray(new CompletableFuture<?>[0]);
    try {
      CompletableFuture.allOf(pending).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // Failed or still running: either way the requests' own futures report it.
    }
    executor.shutdownNow();
    if (http instanceof AutoCloseable closeable) { // JDK 21+
      try {
        closeable.close();
      } catch (Exception e) {
        // Nothing left to release.
      }
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "herald-http-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
