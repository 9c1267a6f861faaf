package dev.herald.server.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.pusher.rest.Pusher;
import com.pusher.rest.data.Validity;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.herald.pusher.PusherJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * A real webhook receiver on a free port: checks every request with the official {@code
 * pusher-http-java} ({@link Pusher#validateWebhookSignature}), records it and answers as scripted
 * (200 by default; {@link #HANG} holds the request until the receiver closes).
 */
public final class WebhookReceiver implements AutoCloseable {
  /** A scripted answer that never comes: the sender's timeout has to fire. */
  static final int HANG = -1;

  /** One request as received. */
  public record Received(Validity validity, byte[] body, Map<String, List<String>> headers) {
    public JsonNode json() {
      try {
        return PusherJson.mapper().readTree(body);
      } catch (IOException e) {
        throw new AssertionError("the body is not JSON", e);
      }
    }

    public List<String> eventNames() {
      return json().findValues("name").stream().map(JsonNode::asText).toList();
    }

    String header(String name) {
      return headers.entrySet().stream()
          .filter(h -> h.getKey().equalsIgnoreCase(name))
          .map(h -> h.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final Pusher pusher;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final BlockingDeque<Integer> answers = new LinkedBlockingDeque<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile int otherwise = 200;

  /** A receiver that validates with these credentials, as an app's backend would. */
  public WebhookReceiver(String appId, String key, String secret) throws IOException {
    pusher = new Pusher(appId, key, secret);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/pusher/webhooks");
  }

  /** The next answers, in order. */
  void answer(int... statuses) {
    for (int status : statuses) {
      answers.add(status);
    }
  }

  void answerOtherwise(int status) {
    otherwise = status;
  }

  public List<Received> received() {
    return received;
  }

  /** Every event of every request received so far, in arrival order. */
  public List<JsonNode> events() {
    List<JsonNode> events = new java.util.ArrayList<>();
    for (Received r : received) {
      r.json().path("events").forEach(events::add);
    }
    return events;
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    Validity validity =
        pusher.validateWebhookSignature(
            String.valueOf(exchange.getRequestHeaders().getFirst("X-Pusher-Key")),
            String.valueOf(exchange.getRequestHeaders().getFirst("X-Pusher-Signature")),
            new String(body, StandardCharsets.UTF_8));
    received.add(new Received(validity, body, Map.copyOf(exchange.getRequestHeaders())));
    Integer scripted = answers.poll();
    int status = scripted != null ? scripted : otherwise;
    if (status == HANG) {
      try {
        closing.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      status = 503;
    }
    try {
      exchange.sendResponseHeaders(status, -1);
    } catch (IOException e) {
      // The sender gave up waiting and closed the connection.
    }
    exchange.close();
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
