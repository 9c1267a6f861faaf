package dev.herald;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.pusher.PusherJson;
import dev.herald.pusher.Signatures;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Broadcasts through Ably's REST API instead of a Pusher-protocol server, for apps moving between
 * the two (driver {@code ably}): each channel's event is a {@code POST /channels/{name}/messages}
 * with HTTP Basic auth from the API key, on the channel Laravel's Ably broadcaster uses ({@code
 * private-x} → {@code private:x}, {@code presence-x} → {@code presence:x}, {@code x} → {@code
 * public:x}), with the event's data as JSON ({@code encoding: json}), so Laravel Echo's Ably
 * connector receives it. {@link #channelAuth} signs channel subscriptions the way that broadcaster
 * does. Ably's REST API cannot leave one connection out, so "to others" is not honoured: the event
 * goes to every subscriber. Thread-safe; never blocks.
 */
public final class AblyBroadcaster implements Broadcaster {
  /** Ably's REST endpoint. */
  public static final URI DEFAULT_URL = URI.create("https://rest.ably.io");

  private final URI base;
  private final String keyName;
  private final String keySecret;
  private final String authorization;
  private final int maxPayloadBytes;
  private final Duration requestTimeout;
  private final HttpClient http;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * @param key the Ably API key, {@code appId.keyId:secret}
   * @param base Ably's REST URL ({@link #DEFAULT_URL}; another for a test double)
   * @throws IllegalArgumentException when the key is not of that form (its value is not repeated)
   */
  public AblyBroadcaster(
      String key, URI base, int maxPayloadBytes, Duration connectTimeout, Duration requestTimeout) {
    Objects.requireNonNull(key, "key");
    int colon = key.indexOf(':');
    if (colon <= 0 || colon == key.length() - 1 || key.indexOf('.') < 0) {
      throw new IllegalArgumentException(
          "an Ably API key has the form appId.keyId:secret (see your Ably app's API keys)");
    }
    this.keyName = key.substring(0, colon);
    this.keySecret = key.substring(colon + 1);
    this.authorization =
        "Basic " + Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    this.base = Objects.requireNonNull(base, "base");
    this.maxPayloadBytes = maxPayloadBytes;
    this.requestTimeout = requestTimeout;
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
  }

  /** An Ably broadcaster on Ably itself with Herald's default limits and timeouts. */
  public AblyBroadcaster(String key) {
    this(
        key,
        DEFAULT_URL,
        Broadcast.DEFAULT_MAX_PAYLOAD_BYTES,
        Duration.ofSeconds(5),
        Duration.ofSeconds(10));
  }

  /**
   * Publishes the event on each of its channels, one request per channel, concurrently; completes
   * when Ably has accepted every one, or exceptionally with a {@link BroadcastException} carrying
   * Ably's status and message.
   *
   * @throws IllegalArgumentException when the data is larger than the limit; nothing is sent
   * @throws IllegalStateException after {@link #close()}
   */
  @Override
  public CompletableFuture<Void> broadcast(Broadcast broadcast) {
    if (closed.get()) {
      throw new IllegalStateException("this Ably broadcaster is closed");
    }
    broadcast.requireDataWithin(maxPayloadBytes);
    ObjectNode message = PusherJson.mapper().createObjectNode();
    message.put("name", broadcast.name());
    message.put("data", broadcast.data());
    message.put("encoding", "json");
    byte[] body = PusherJson.string(message).getBytes(StandardCharsets.UTF_8);
    List<CompletableFuture<Void>> sent = new ArrayList<>();
    for (Channel channel : broadcast.channels()) {
      String ably = AblyChannels.ablyName(channel.name());
      sent.add(send("POST", "/channels/" + encode(ably) + "/messages", body, "publish on " + ably));
    }
    return CompletableFuture.allOf(sent.toArray(new CompletableFuture<?>[0]));
  }

  /**
   * Whether Ably answers this key: {@code GET /channels/public:herald-ping} (a channel's status,
   * which needs the key). Completes exceptionally with the reason otherwise.
   */
  @Override
  public CompletableFuture<Void> ping() {
    return send("GET", "/channels/" + encode("public:herald-ping"), null, "ping");
  }

  /**
   * The answer to Laravel Echo's Ably connector's auth request for {@code channel} (a {@code
   * private-} or {@code presence-} name) and {@code socketId}, signed as Laravel's Ably broadcaster
   * signs it: {@code {"auth": "appId.keyId:hmac"}}, with {@code channel_data} for a presence
   * member.
   *
   * @param member the presence member, or null for a private channel
   */
  public String channelAuth(String channel, String socketId, PresenceMember member) {
    String channelData = null;
    if (member != null) {
      ObjectNode data = PusherJson.mapper().createObjectNode().put("user_id", member.userId());
      if (member.userInfo() != null && !member.userInfo().isNull()) {
        data.set("user_info", member.userInfo());
      }
      channelData = PusherJson.string(data);
    }
    String signed = socketId + ":" + channel + (channelData == null ? "" : ":" + channelData);
    ObjectNode answer = PusherJson.mapper().createObjectNode();
    answer.put("auth", keyName + ":" + Signatures.hmacSha256Hex(keySecret, signed));
    if (channelData != null) {
      answer.put("channel_data", channelData);
    }
    return PusherJson.string(answer);
  }

  @Override
  public void close() {
    closed.set(true);
  }

  private CompletableFuture<Void> send(String method, String path, byte[] body, String what) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(requestTimeout)
            .header("Authorization", authorization)
            .header("Accept", "application/json");
    if (body == null) {
      request.GET();
    } else {
      request
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
        .handle(
            (response, failure) -> {
              if (failure != null) {
                throw new BroadcastException(
                    "Ably " + what + " failed: " + failure.getMessage(), true, failure);
              }
              int status = response.statusCode();
              if (status / 100 != 2) {
                throw new BroadcastException(
                    "Ably " + what + " answered " + status + ": " + ablyMessage(response.body()),
                    status,
                    status == 429 || status >= 500,
                    null);
              }
              return null;
            });
  }

  /** Ably's {@code error.message}, or the start of the body. */
  private static String ablyMessage(String body) {
    try {
      JsonNode message = PusherJson.mapper().readTree(body).path("error").path("message");
      if (message.isTextual()) {
        return message.asText();
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not JSON: show the start of it
    }
    return body.length() > 200 ? body.substring(0, 200) + "…" : body;
  }

  private static String encode(String channel) {
    return URLEncoder.encode(channel, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
