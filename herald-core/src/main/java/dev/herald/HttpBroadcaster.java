package dev.herald;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.ChannelType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Broadcasts through the Pusher HTTP API (protocol reference §1.11): to a Herald server ({@code
 * url("http://127.0.0.1:6001")}) or to Pusher itself ({@code cluster("eu")}).
 *
 * <pre>{@code
 * HttpBroadcaster broadcaster = HttpBroadcaster.builder()
 *     .url("http://127.0.0.1:6001")
 *     .app("my-app", "my-key", "my-secret")
 *     .build();
 * }</pre>
 *
 * <p>Every request is signed ({@code auth_signature}, {@code body_md5}); requests share one
 * keep-alive HTTP/1.1 client. A broadcast to more than 100 channels is split into several requests,
 * batches into requests of 10 events, and each {@code private-encrypted-} channel gets its own
 * request with the data encrypted for it. Everything is validated before the first request goes
 * out; the returned future completes when every request has been answered.
 *
 * <p>Thread-safe. Never blocks the caller except in {@link #close()}, which waits up to the request
 * timeout for requests in flight. Failures complete the future with a {@link BroadcastException}
 * naming the request (e.g. "request 2 of 3 (channels 101-200)"), the HTTP status and the server's
 * message; it says whether a retry may help.
 */
public final class HttpBroadcaster implements Broadcaster {
  /** The channel prefix {@link #ping()} asks about: no channel needs to exist. */
  private static final String PING_PREFIX = "private-herald-ping.";

  private final ApiClient api;
  private final EventEncoder encoder;
  private final int maxChannelsPerRequest;
  private final int maxBatchSize;
  private final Duration closeTimeout;
  private final AtomicBoolean closed = new AtomicBoolean();

  HttpBroadcaster(HttpBroadcasterBuilder settings) {
    this.api =
        new ApiClient(
            settings.url,
            settings.appId,
            settings.key,
            settings.secret,
            settings.clock,
            settings.connectTimeout,
            settings.requestTimeout);
    this.encoder = new EventEncoder(settings.maxPayloadBytes, settings.masterKey);
    this.maxChannelsPerRequest = settings.maxChannelsPerRequest;
    this.maxBatchSize = settings.maxBatchSize;
    this.closeTimeout = settings.requestTimeout;
  }

  /** Starts configuring an HTTP broadcaster. */
  public static HttpBroadcasterBuilder builder() {
    return new HttpBroadcasterBuilder();
  }

  /**
   * {@code POST /apps/{id}/events}, in as many requests as the channels need.
   *
   * @throws IllegalArgumentException when the event is invalid (too large, encrypted channel
   *     without a master key); nothing is sent
   * @throws IllegalStateException after {@link #close()}
   */
  @Override
  public CompletableFuture<Void> broadcast(Broadcast broadcast) {
    return trigger(broadcast).thenApply(info -> null);
  }

  /**
   * Triggers an event and asks for channel attributes in the answer ({@code info}, §1.11): the
   * result maps each channel to what the server reported. {@code user_count} is asked only of
   * requests that include a presence channel (the API refuses it otherwise).
   *
   * @throws IllegalArgumentException when the event is invalid or {@code info} holds {@link
   *     ChannelAttribute#CACHE}; nothing is sent
   * @throws IllegalStateException after {@link #close()}
   */
  public CompletableFuture<Map<String, ChannelInfo>> trigger(
      Broadcast broadcast, ChannelAttribute... info) {
    ensureOpen();
    List<CompletableFuture<JsonNode>> requests = new ArrayList<>();
    for (TriggerRequest request :
        TriggerRequest.plan(encoder.encode(broadcast), attributes(info), maxChannelsPerRequest)) {
      requests.add(Chunks.named(api.post("/events", request.body()), request.description()));
    }
    return Chunks.all(requests)
        .thenApply(
            answers -> {
              Map<String, ChannelInfo> result = new LinkedHashMap<>();
              for (JsonNode answer : answers) {
                channelInfos(answer, result);
              }
              return result;
            });
  }

  /**
   * Sends several events: single-channel events (an encrypted channel's event is one) in {@code
   * POST /batch_events} requests of up to 10, one request after the other so the order is kept;
   * events with several plain channels through {@code /events}, concurrently.
   *
   * @throws IllegalArgumentException when any event is invalid; then none is sent
   * @throws IllegalStateException after {@link #close()}
   */
  @Override
  public CompletableFuture<Void> broadcastAll(List<Broadcast> broadcasts) {
    ensureOpen();
    List<WireEvent> items = new ArrayList<>();
    List<TriggerRequest> triggers = new ArrayList<>();
    for (Broadcast broadcast : broadcasts) {
      for (WireEvent event : encoder.encode(broadcast)) {
        if (event.channels().size() == 1) {
          items.add(event);
        } else {
          triggers.addAll(TriggerRequest.plan(List.of(event), Set.of(), maxChannelsPerRequest));
        }
      }
    }
    List<CompletableFuture<JsonNode>> sent = new ArrayList<>();
    List<List<WireEvent>> batches = Chunks.of(items, maxBatchSize);
    // Batches go one after the other, so subscribers receive the events in order; a failed batch
    // does not stop the next.
    CompletableFuture<?> previous = CompletableFuture.completedFuture(null);
    for (int i = 0; i < batches.size(); i++) {
      String which =
          "batch "
              + (i + 1)
              + " of "
              + batches.size()
              + " (events "
              + (i * maxBatchSize + 1)
              + "-"
              + (i * maxBatchSize + batches.get(i).size())
              + ")";
      byte[] body = EventBodies.batch(batches.get(i));
      CompletableFuture<JsonNode> batch =
          previous.handle((ok, failure) -> null).thenCompose(x -> api.post("/batch_events", body));
      previous = batch;
      sent.add(Chunks.named(batch, which));
    }
    for (TriggerRequest request : triggers) {
      sent.add(Chunks.named(api.post("/events", request.body()), request.description()));
    }
    return Chunks.all(sent).thenApply(answers -> null);
  }

  /**
   * Sends an event to every connection signed in as {@code userId}: {@code /events} on {@code
   * #server-to-user-{userId}} (§1.7). Herald does not deliver these yet; Pusher does.
   *
   * @throws IllegalArgumentException when the user id or event is invalid
   */
  public CompletableFuture<Void> sendToUser(String userId, String name, String data) {
    return broadcast(Broadcast.of(List.of(Channel.user(userId)), name, data));
  }

  /**
   * {@code POST /apps/{id}/users/{userId}/terminate_connections}: closes every connection signed in
   * as the user (§1.7). The user may reconnect, so refuse their authorization as well.
   *
   * @throws IllegalArgumentException when the user id is empty or has characters outside {@code
   *     [A-Za-z0-9_\-=@,.;]}
   */
  public CompletableFuture<Void> terminateUserConnections(String userId) {
    ensureOpen();
    String path = "/users/" + Channel.requireUserId(userId) + "/terminate_connections";
    return api.post(path, "{}".getBytes(StandardCharsets.UTF_8)).thenApply(answer -> null);
  }

  /**
   * {@code GET /apps/{id}/channels}: the occupied channels whose names start with {@code prefix}
   * (all when null), with the requested attributes; {@code USER_COUNT} needs a {@code presence-}
   * prefix.
   *
   * @throws IllegalArgumentException when {@code info} holds {@link ChannelAttribute#CACHE}
   */
  public CompletableFuture<Map<String, ChannelInfo>> channels(
      String prefix, ChannelAttribute... info) {
    ensureOpen();
    Map<String, String> params = new LinkedHashMap<>();
    if (prefix != null) {
      params.put("filter_by_prefix", prefix);
    }
    if (info.length > 0) {
      params.put("info", EventBodies.info(attributes(info)));
    }
    return api.get("/channels", params)
        .thenApply(
            answer -> {
              Map<String, ChannelInfo> result = new LinkedHashMap<>();
              channelInfos(answer, result);
              return result;
            });
  }

  /**
   * {@code GET /apps/{id}/channels/{channel}}: whether it is occupied, and the attributes.
   *
   * @throws IllegalArgumentException for a user's internal channel, or when {@code info} holds
   *     {@link ChannelAttribute#CACHE}
   */
  public CompletableFuture<ChannelInfo> channel(Channel channel, ChannelAttribute... info) {
    ensureOpen();
    if (channel.isUser()) {
      throw new IllegalArgumentException("a user's internal channel cannot be queried");
    }
    Map<String, String> params =
        info.length == 0 ? Map.of() : Map.of("info", EventBodies.info(attributes(info)));
    return api.get("/channels/" + channel.name(), params)
        .thenApply(answer -> ChannelInfo.fromJson(answer, false));
  }

  /**
   * {@code GET /apps/{id}/channels/{channel}/users}: the user ids in a presence channel.
   *
   * @throws IllegalArgumentException when the channel is not a presence channel
   */
  public CompletableFuture<List<String>> users(Channel presenceChannel) {
    ensureOpen();
    if (presenceChannel.type() != ChannelType.PRESENCE) {
      throw new IllegalArgumentException(
          "'" + presenceChannel + "' is not a presence channel; only presence channels have users");
    }
    return api.get("/channels/" + presenceChannel.name() + "/users", Map.of())
        .thenApply(
            answer -> {
              List<String> ids = new ArrayList<>();
              answer.path("users").forEach(user -> ids.add(user.path("id").asText()));
              return ids;
            });
  }

  /**
   * A signed {@code GET /apps/{id}/channels} with a prefix no channel uses, so the answer stays
   * small: it fails when the server is unreachable or refuses the app's credentials.
   */
  @Override
  public CompletableFuture<Void> ping() {
    ensureOpen();
    return api.get("/channels", Map.of("filter_by_prefix", PING_PREFIX)).thenRun(() -> {});
  }

  /**
   * Refuses new broadcasts, waits up to the request timeout for those in flight, then releases the
   * HTTP client and its threads. Idempotent.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      api.close(closeTimeout);
    }
  }

  private static void channelInfos(JsonNode answer, Map<String, ChannelInfo> into) {
    for (Map.Entry<String, JsonNode> entry : answer.path("channels").properties()) {
      into.put(entry.getKey(), ChannelInfo.fromJson(entry.getValue(), true));
    }
  }

  private static Set<ChannelAttribute> attributes(ChannelAttribute... info) {
    Set<ChannelAttribute> result =
        info.length == 0
            ? EnumSet.noneOf(ChannelAttribute.class)
            : EnumSet.copyOf(Arrays.asList(info));
    if (result.contains(ChannelAttribute.CACHE)) {
      throw new IllegalArgumentException(
          "ChannelAttribute.CACHE is not read by HttpBroadcaster: ChannelInfo has no cached event");
    }
    return result;
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("the broadcaster is closed");
    }
  }
}
