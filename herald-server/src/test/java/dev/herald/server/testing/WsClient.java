package dev.herald.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.PusherJson;
import dev.herald.pusher.Signatures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A small recording WebSocket client over real sockets (the JDK's): every message lands in a queue;
 * every wait is bounded.
 */
public final class WsClient implements AutoCloseable {
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
  private final List<JsonNode> seen = new ArrayList<>();
  private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  private final CompletableFuture<String> pong = new CompletableFuture<>();
  private volatile String closeReason;
  private volatile long closedAtNanos;
  private final WebSocket socket;
  private String socketId;

  private WsClient(URI uri, Map<String, String> headers) {
    WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
    headers.forEach(builder::header);
    socket =
        builder
            .connectTimeout(TIMEOUT)
            .buildAsync(uri, new Listener())
            .orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
            .join();
  }

  /** Connects to {@code /app/{key}?protocol=7} and waits for connection_established. */
  public static WsClient connect(int port, String key) {
    return connect(port, key, Map.of());
  }

  /** As {@link #connect(int, String)}, sending {@code headers} with the upgrade request. */
  public static WsClient connect(int port, String key, Map<String, String> headers) {
    WsClient client =
        open(port, "/app/" + key + "?protocol=7&client=java-test&version=1.0", headers);
    JsonNode established = client.awaitEvent("pusher:connection_established");
    client.socketId = data(established).get("socket_id").asText();
    return client;
  }

  /** Opens a WebSocket to any path without waiting for anything. */
  public static WsClient open(int port, String pathAndQuery) {
    return open(port, pathAndQuery, Map.of());
  }

  /** As {@link #open(int, String)}, sending {@code headers} with the upgrade request. */
  public static WsClient open(int port, String pathAndQuery, Map<String, String> headers) {
    return new WsClient(URI.create("ws://127.0.0.1:" + port + pathAndQuery), headers);
  }

  public String socketId() {
    return socketId;
  }

  public void send(String json) {
    socket.sendText(json, true).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
  }

  /** Sends a WebSocket control ping; completes with the pong's payload. */
  public CompletableFuture<String> ping(String payload) {
    socket.sendPing(ByteBuffer.wrap(payload.getBytes()));
    return pong;
  }

  public void subscribe(String channel) {
    send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\"}}");
    awaitEvent("pusher_internal:subscription_succeeded");
  }

  public void subscribePrivate(String channel, String key, String secret) {
    String auth = Signatures.channelAuth(key, secret, socketId, channel, null);
    send(
        "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\""
            + channel
            + "\",\"auth\":\""
            + auth
            + "\"}}");
    awaitEvent("pusher_internal:subscription_succeeded");
  }

  /**
   * Joins a presence channel with {@code channelData}, signed with the app's credentials; returns
   * the subscription_succeeded message.
   */
  public JsonNode joinPresence(String channel, String channelData, String key, String secret) {
    String auth = Signatures.channelAuth(key, secret, socketId, channel, channelData);
    send(
        "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\""
            + channel
            + "\",\"auth\":\""
            + auth
            + "\",\"channel_data\":"
            + quote(channelData)
            + "}}");
    return awaitEvent("pusher_internal:subscription_succeeded");
  }

  /** Signs in with {@code userData} (a JSON object string); returns the signin_success message. */
  public JsonNode signin(String userData, String key, String secret) {
    String auth = Signatures.userAuth(key, secret, socketId, userData);
    send(
        "{\"event\":\"pusher:signin\",\"data\":{\"auth\":\""
            + auth
            + "\",\"user_data\":"
            + quote(userData)
            + "}}");
    return awaitEvent("pusher:signin_success");
  }

  private static String quote(String text) {
    return PusherJson.mapper().getNodeFactory().textNode(text).toString();
  }

  /** Waits for the next message with this event name, skipping (but keeping) others. */
  public JsonNode awaitEvent(String event) {
    return awaitEvent(event, TIMEOUT);
  }

  /** As {@link #awaitEvent(String)}, waiting at most {@code timeout}. */
  public JsonNode awaitEvent(String event, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (JsonNode m : seen) {
        if (m.path("event").asText().equals(event)) {
          seen.remove(m);
          return m;
        }
      }
      long left = deadline - System.nanoTime();
      JsonNode next;
      try {
        next = left <= 0 ? null : messages.poll(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      if (next == null) {
        throw new AssertionError("no " + event + " within " + timeout + "; saw " + seen);
      }
      seen.add(next);
    }
  }

  /** The next message with this event name within {@code timeout}, or empty; never throws. */
  public java.util.Optional<JsonNode> pollEvent(String event, Duration timeout) {
    try {
      return java.util.Optional.of(awaitEvent(event, timeout));
    } catch (AssertionError e) {
      return java.util.Optional.empty();
    }
  }

  /**
   * Every message that arrived before the next one named {@code marker}, in order; consumes them
   * and the marker, waiting at most {@link #TIMEOUT} for it. For "must not receive" checks without
   * waiting a fixed time: send the marker after the thing under test, along the path the thing
   * would have taken (the same connection, or the same node publishing), so that once the marker is
   * here the thing would have been too.
   */
  public List<JsonNode> receivedBefore(String marker) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    List<JsonNode> before = new ArrayList<>();
    while (true) {
      JsonNode next;
      if (!seen.isEmpty()) {
        next = seen.remove(0);
      } else {
        long left = deadline - System.nanoTime();
        try {
          next = left <= 0 ? null : messages.poll(left, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
      if (next == null) {
        throw new AssertionError("no marker " + marker + " within " + TIMEOUT + "; saw " + before);
      }
      if (next.path("event").asText().equals(marker)) {
        return before;
      }
      before.add(next);
    }
  }

  /** Asserts that nothing arrives within {@code window} (for "must not receive" checks). */
  public List<JsonNode> drain(Duration window) {
    List<JsonNode> result = new ArrayList<>(seen);
    seen.clear();
    try {
      JsonNode m;
      while ((m = messages.poll(window.toMillis(), TimeUnit.MILLISECONDS)) != null) {
        result.add(m);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return result;
  }

  /** Waits for the server to close; returns the close code. */
  public int awaitClose() {
    return closeCode.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
  }

  /** When the server's close arrived ({@link System#nanoTime}), or 0 while open. */
  public long closedAtNanos() {
    return closedAtNanos;
  }

  public String closeReason() {
    return closeReason;
  }

  public boolean isClosed() {
    return closeCode.isDone();
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
    socket.abort();
  }

  /** The {@code data} of a message, parsed when it is a JSON string. */
  public static JsonNode data(JsonNode message) {
    return FakeConnection.data(message);
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          messages.add(PusherJson.mapper().readTree(partial.toString()));
        } catch (Exception e) {
          messages.add(PusherJson.mapper().getNodeFactory().textNode("UNPARSEABLE " + partial));
        }
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
      byte[] bytes = new byte[message.remaining()];
      message.get(bytes);
      pong.complete(new String(bytes));
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      closeReason = reason;
      closedAtNanos = System.nanoTime();
      closeCode.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      closeCode.complete(1006);
    }
  }
}
