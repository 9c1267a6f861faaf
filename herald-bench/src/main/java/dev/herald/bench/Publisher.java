package dev.herald.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.pusher.ApiSignature;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Triggers events through the Pusher HTTP API ({@code POST /apps/{id}/events}, signed with {@link
 * ApiSignature}) at a fixed open-loop rate over keep-alive HTTP/1.1: each send happens at its
 * wall-clock slot and never waits for an earlier response. Sends more than 1 ms behind their slot
 * are counted as late; the event carries the slot's time, so lateness shows in the latencies.
 */
final class Publisher implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final long LATE_NANOS = 1_000_000;

  private final URI base;
  private final String appId;
  private final String key;
  private final String secret;
  private final String channel;
  private final HttpClient http;
  private final AtomicLong ok = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();

  Publisher(URI base, String appId, String key, String secret, String channel) {
    this.base = base;
    this.appId = appId;
    this.key = key;
    this.secret = secret;
    this.channel = channel;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newSingleThreadExecutor(Publisher::daemon))
            .build();
  }

  /** The outcome of one step's sends. */
  record Sent(long sent, long late) {}

  /** Sends one event per slot of {@code schedule}; returns after the last slot's send. */
  Sent run(int step, RateSchedule schedule) {
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
      send(Deliveries.data(step, due));
    }
    return new Sent(slots, late);
  }

  long ok() {
    return ok.get();
  }

  long errors() {
    return errors.get();
  }

  private void send(String data) {
    String path = "/apps/" + appId + "/events";
    byte[] body;
    try {
      Map<String, String> event = new LinkedHashMap<>();
      event.put("name", "bench");
      event.put("channel", channel);
      event.put("data", data);
      body = JSON.writeValueAsBytes(event);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> params =
        ApiSignature.signedParams(
            key, secret, "POST", path, Map.of(), body, System.currentTimeMillis() / 1000);
    String query =
        params.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path + "?" + query))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
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
