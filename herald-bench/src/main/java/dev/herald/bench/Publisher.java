package dev.herald.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.pusher.ApiSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Sends signed Pusher HTTP API requests ({@link ApiSignature}) at a fixed open-loop rate over
 * keep-alive HTTP/1.1: each send happens at its wall-clock slot and never waits for an earlier
 * response. Sends more than 1 ms behind their slot are counted as late; the events carry the slot's
 * time, so lateness shows in the latencies.
 */
final class Publisher implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final long LATE_NANOS = 1_000_000;

  private final URI base;
  private final String appId;
  private final String key;
  private final String secret;
  private final HttpClient http;
  private final AtomicLong ok = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();

  /** One API request: a path under {@code /apps/{id}} and its JSON body. */
  record Request(String path, byte[] body) {}

  /** The request for one slot of a step. */
  @FunctionalInterface
  interface Trigger {
    Request next(int step, long dueNanos);
  }

  Publisher(URI base, String appId, String key, String secret) {
    this.base = base;
    this.appId = appId;
    this.key = key;
    this.secret = secret;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newSingleThreadExecutor(Publisher::daemon))
            .build();
  }

  /** The outcome of one step's sends. */
  record Sent(long sent, long late) {}

  /** A trigger of one event named {@code bench} on {@code channel}, data padded to {@code pad}. */
  static Trigger event(String channel, int pad) {
    return (step, due) ->
        new Request(
            "/events",
            body(Map.of("name", "bench", "channel", channel, "data", data(step, due, pad))));
  }

  /** The benchmark event data: the marker {@link Deliveries} reads, padded with dots. */
  static String data(int step, long due, int pad) {
    String data = Deliveries.data(step, due);
    return data.length() >= pad ? data : data + "|" + ".".repeat(pad - data.length() - 1);
  }

  /** {@code {"batch":[{"name":"bench","channel":c,"data":…}, …]}} for the given channels. */
  static byte[] batch(List<String> channels, int step, long due) {
    List<Map<String, String>> items =
        channels.stream()
            .map(c -> Map.of("name", "bench", "channel", c, "data", Deliveries.data(step, due)))
            .toList();
    return body(Map.of("batch", items));
  }

  static byte[] body(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends one request per slot of {@code schedule}; returns after the last slot's send. */
  Sent run(int step, RateSchedule schedule, Trigger trigger) {
    long late = 0;
    long slots = schedule.slots();
    for (long i = 0; i < slots; i++) {
      long due = schedule.dueNanos(i);
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      if (System.nanoTime() - due > LATE_NANOS) {
        late++;
      }
      send(trigger.next(step, due));
    }
    return new Sent(slots, late);
  }

  long ok() {
    return ok.get();
  }

  long errors() {
    return errors.get();
  }

  private void send(Request r) {
    http.sendAsync(post(r), HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, error) -> {
              if (error == null && response.statusCode() == 200) {
                ok.incrementAndGet();
              } else {
                errors.incrementAndGet();
                if (errors.get() <= 3) {
                  System.err.println(
                      "publish failed: " + (error != null ? error : response.statusCode()));
                }
              }
            });
  }

  private HttpRequest post(Request r) {
    String path = "/apps/" + appId + r.path();
    return HttpRequest.newBuilder(signed("POST", path, r.body()))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(r.body()))
        .build();
  }

  /** A signed {@code GET /apps/{id}{path}}; the response body, or null on an error status. */
  String get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(signed("GET", "/apps/" + appId + path, null))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200 ? response.body() : null;
  }

  private URI signed(String method, String path, byte[] body) {
    Map<String, String> params =
        ApiSignature.signedParams(
            key, secret, method, path, Map.of(), body, System.currentTimeMillis() / 1000);
    String query =
        params.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return base.resolve(path + "?" + query);
  }

  @Override
  public void close() {
    // The HttpClient's threads are daemons; nothing to release in Java 17.
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "publisher-http");
    thread.setDaemon(true);
    return thread;
  }
}
