package dev.herald.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.ApiSignature;
import dev.herald.pusher.PusherJson;
import dev.herald.server.app.App;
import dev.herald.server.app.StaticAppRegistry;
import dev.herald.server.broker.Broker;
import dev.herald.server.broker.LocalBroker;
import dev.herald.server.broker.Message;
import dev.herald.server.cache.MemoryCacheStore;
import dev.herald.server.channel.ChannelRegistry;
import dev.herald.server.channel.Frame;
import dev.herald.server.channel.Loop;
import dev.herald.server.channel.MemoryOccupancyStore;
import dev.herald.server.channel.Subscriber;
import dev.herald.server.cluster.Cluster;
import dev.herald.server.presence.Member;
import dev.herald.server.presence.MemoryOnlineUserStore;
import dev.herald.server.presence.MemoryPresenceStore;
import dev.herald.server.protocol.NodeDelivery;
import dev.herald.server.protocol.SignedInUsers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link HttpApi} wired to real channels, presence and a loopback broker, with a fixed clock at
 * the docs vector's time, plus helpers to send signed requests. No sockets.
 */
final class ApiFixture {
  static final String APP_ID = "3";
  static final String KEY = "278d425bdf160c739803";
  static final String SECRET = "7ad3773142a6692b25b8";
  static final long NOW = 1353088179L;

  final ChannelRegistry channels = new ChannelRegistry(TextFrame::new);
  final MemoryPresenceStore presence = new MemoryPresenceStore();
  final SignedInUsers signedIn = new SignedInUsers();
  final RecordingBroker broker =
      new RecordingBroker(new LocalBroker(new NodeDelivery(channels, signedIn)));
  final MemoryCacheStore cache = new MemoryCacheStore();
  final MemoryOccupancyStore occupancy = new MemoryOccupancyStore();
  final HttpApi api;

  ApiFixture(App... extraApps) {
    this(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC), extraApps);
  }

  ApiFixture(Clock clock, App... extraApps) {
    List<App> apps = new ArrayList<>(List.of(App.of(APP_ID, KEY, SECRET)));
    apps.addAll(List.of(extraApps));
    api =
        new HttpApi(
            new StaticAppRegistry(apps),
            new Cluster(broker, presence, occupancy, new MemoryOnlineUserStore(), cache),
            clock);
  }

  /** A subscriber of {@code channel} on a loop the caller is always on. */
  FakeSubscriber subscribe(String channel, String socketId) {
    FakeSubscriber subscriber = new FakeSubscriber(socketId);
    channels.subscribe(APP_ID, channel, subscriber);
    occupancy.added(APP_ID, channel);
    return subscriber;
  }

  /** Unsubscribes {@code subscriber} from {@code channel}. */
  void unsubscribe(String channel, FakeSubscriber subscriber) {
    channels.unsubscribe(APP_ID, channel, subscriber);
    occupancy.removed(APP_ID, channel);
  }

  /** A presence member of {@code channel}: subscribed and joined. */
  FakeSubscriber join(String channel, String socketId, String userId) {
    presence.join(APP_ID, channel, socketId, new Member(userId, null), 100);
    return subscribe(channel, socketId);
  }

  ApiResponse post(String path, String body) {
    return signed("POST", path, Map.of(), body);
  }

  ApiResponse get(String path, Map<String, String> params) {
    return signed("GET", path, params, "");
  }

  /** A request to app 3 signed with its key and secret at the clock's time. */
  ApiResponse signed(String method, String path, Map<String, String> params, String body) {
    return send(method, path, sign(method, path, params, body), body);
  }

  static Map<String, String> sign(
      String method, String path, Map<String, String> params, String body) {
    return ApiSignature.signedParams(KEY, SECRET, method, path, params, body, NOW);
  }

  /** Sends exactly these query parameters (one value each) and body. */
  ApiResponse send(String method, String path, Map<String, String> params, String body) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    params.forEach((k, v) -> query.put(k, List.of(v)));
    return sendMulti(method, path, query, body);
  }

  ApiResponse sendMulti(String method, String path, Map<String, List<String>> query, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ApiResponse response = api.handle(new ApiRequest(method, path, query, bytes)).join();
    assertThat(response.json()).doesNotContain(SECRET);
    return response;
  }

  static JsonNode json(ApiResponse response) {
    try {
      return PusherJson.mapper().readTree(response.json());
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + response.json(), e);
    }
  }

  /** Asserts the response is {@code {"error": …}} with this status and a message containing all. */
  static void assertError(ApiResponse response, int status, String... fragments) {
    assertThat(response.status()).as(response.json()).isEqualTo(status);
    JsonNode body = json(response);
    assertThat(body.size()).isEqualTo(1);
    assertThat(body.path("error").isTextual()).isTrue();
    for (String fragment : fragments) {
      assertThat(body.path("error").asText()).contains(fragment);
    }
  }

  static void assertOk(ApiResponse response, String json) {
    assertThat(response.status()).as(response.json()).isEqualTo(200);
    assertThat(json(response)).isEqualTo(parse(json));
  }

  /** A JSON object from alternating keys and values (strings, numbers, lists, maps). */
  static String body(Object... keysAndValues) {
    Map<Object, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    try {
      return PusherJson.mapper().writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  static JsonNode parse(String json) {
    try {
      return PusherJson.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  /** A frame holding the message's JSON as text; reference counting is a no-op here. */
  record TextFrame(String text) implements Frame {
    TextFrame(byte[] json) {
      this(new String(json, StandardCharsets.UTF_8));
    }

    @Override
    public Frame retain() {
      return this;
    }

    @Override
    public void release() {}
  }

  /** A loop the calling thread is always on, so deliveries happen inline. */
  static final class DirectLoop implements Loop {
    static final DirectLoop INSTANCE = new DirectLoop();

    @Override
    public boolean inLoop() {
      return true;
    }

    @Override
    public void execute(Runnable task) {
      task.run();
    }
  }

  /** A subscriber that records the events it is given. */
  static final class FakeSubscriber implements Subscriber {
    final String socketId;
    final List<JsonNode> received = new ArrayList<>();

    FakeSubscriber(String socketId) {
      this.socketId = socketId;
    }

    @Override
    public String socketId() {
      return socketId;
    }

    @Override
    public Loop loop() {
      return DirectLoop.INSTANCE;
    }

    @Override
    public void deliver(Frame frame) {
      received.add(parse(((TextFrame) frame).text()));
    }
  }

  /** The loopback broker, recording what was published. */
  static final class RecordingBroker implements Broker {
    final List<Message> published = new ArrayList<>();
    private final Broker delegate;

    RecordingBroker(Broker delegate) {
      this.delegate = delegate;
    }

    @Override
    public void publish(Message message) {
      published.add(message);
      delegate.publish(message);
    }

    @Override
    public void terminate(String appId, String userId) {
      delegate.terminate(appId, userId);
    }
  }
}
