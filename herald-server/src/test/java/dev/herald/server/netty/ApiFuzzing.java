package dev.herald.server.netty;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.ApiSignature;
import dev.herald.pusher.PusherJson;
import dev.herald.server.api.ApiRequest;
import dev.herald.server.api.ApiResponse;
import dev.herald.server.api.HttpApi;
import dev.herald.server.app.App;
import dev.herald.server.app.AppLimits;
import dev.herald.server.app.StaticAppRegistry;
import dev.herald.server.cache.MemoryCacheStore;
import dev.herald.server.channel.ChannelRegistry;
import dev.herald.server.channel.MemoryOccupancyStore;
import dev.herald.server.cluster.Cluster;
import dev.herald.server.presence.Member;
import dev.herald.server.presence.MemoryOnlineUserStore;
import dev.herald.server.presence.MemoryPresenceStore;
import dev.herald.server.protocol.NodeDelivery;
import dev.herald.server.protocol.SignedInUsers;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Plays a fuzz input against a fresh {@link HttpApi} (in-memory cluster with a few occupied
 * channels, the clock fixed) and checks the answer. The input is a request: its first line {@code
 * METHOD TARGET} (the target decoded by {@link RequestTarget}, as the router does), the rest the
 * body's bytes. The rules: the future completes normally, the status is a documented one (a 500 is
 * a bug), an error is {@code {"error": message}}, and no answer ever contains a secret.
 */
final class ApiFuzzing {
  static final String APP_ID = "3";
  static final String KEY = "278d425bdf160c739803";
  static final String SECRET = "7ad3773142a6692b25b8";
  static final long NOW = 1353088179L;
  private static final App SMALL =
      new App(
          "4",
          "small-key",
          "small-secret-value",
          true,
          true,
          new AppLimits(1, 64, 20, 2, 2, 2, 40, 8, 3, 10, 10, 5));
  private static final App DISABLED =
      new App("5", "off-key", "off-secret-value", false, true, AppLimits.DEFAULTS);
  private static final Set<Integer> DOCUMENTED = Set.of(200, 400, 401, 403, 404, 405, 413, 429);
  private static final List<String> AUTH_PARAMETERS =
      List.of(
          ApiSignature.AUTH_KEY,
          ApiSignature.AUTH_TIMESTAMP,
          ApiSignature.AUTH_VERSION,
          ApiSignature.BODY_MD5,
          ApiSignature.AUTH_SIGNATURE);
  private static final List<String> SECRETS = List.of(SECRET, SMALL.secret(), DISABLED.secret());

  private final String method;
  private final String target;
  private final byte[] body;

  private ApiFuzzing(byte[] input) {
    int newline = indexOf(input, (byte) '\n');
    String line =
        new String(input, 0, newline < 0 ? input.length : newline, StandardCharsets.UTF_8);
    int space = line.indexOf(' ');
    this.method = space < 0 ? line : line.substring(0, space);
    this.target = space < 0 ? "/" : line.substring(space + 1);
    this.body = newline < 0 ? new byte[0] : Arrays.copyOfRange(input, newline + 1, input.length);
  }

  /** Sends the request as given: the fuzzer must get past authentication on its own. */
  static void answerAsGiven(byte[] input) {
    ApiFuzzing request = new ApiFuzzing(input);
    RequestTarget decoded = request.decoded();
    if (decoded != null) {
      request.check(
          new ApiRequest(request.method, decoded.path(), decoded.parameters(), request.body));
    }
  }

  /**
   * Sends the request signed for app 3 at the clock's time (its {@code auth_*} parameters
   * replaced), so the fuzzer reaches the endpoints' body parsing; a request signed so is never a
   * 401.
   */
  static void answerSigned(byte[] input) {
    ApiFuzzing request = new ApiFuzzing(input);
    RequestTarget decoded = request.decoded();
    if (decoded == null) {
      return;
    }
    // The given auth parameters give way to correct ones; the others are signed as sent.
    Map<String, List<String>> query = new LinkedHashMap<>(decoded.parameters());
    AUTH_PARAMETERS.forEach(query::remove);
    ApiSignature.signedParams(
            KEY, SECRET, request.method, decoded.path(), joined(query), request.body, NOW)
        .forEach((name, value) -> query.putIfAbsent(name, List.of(value)));
    ApiResponse response =
        request.check(new ApiRequest(request.method, decoded.path(), query, request.body));
    if (response.status() == 401 && decoded.path().startsWith("/apps/" + APP_ID + "/")) {
      throw new AssertionError("a correctly signed request was refused: " + response.json());
    }
  }

  /** The target as the router decodes it, or null when it answers 400 (a bad percent-escape). */
  private RequestTarget decoded() {
    try {
      return RequestTarget.decode(target);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private ApiResponse check(ApiRequest request) {
    CompletableFuture<ApiResponse> answer = api().handle(request);
    ApiResponse response;
    try {
      response = answer.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("the answer did not complete normally", e);
    }
    if (!DOCUMENTED.contains(response.status())) {
      throw new AssertionError("status " + response.status() + ": " + response.json());
    }
    boolean json = response.contentType().equals(ApiResponse.JSON);
    JsonNode body = json ? parse(response.json()) : null;
    if (json && response.status() != 200 && !(body.size() == 1 && body.path("error").isTextual())) {
      throw new AssertionError("not an API error: " + response.json());
    }
    String sent = sent(request);
    String shown = json ? texts(body) : response.json();
    for (String secret : SECRETS) {
      // A secret the client sent itself (in a path, say) may be echoed, also in another case: the
      // signature error shows the string to sign, whose parameter names are lower-cased. No other.
      if (shown.contains(secret)
          && !sent.toLowerCase(Locale.ROOT).contains(secret.toLowerCase(Locale.ROOT))) {
        throw new AssertionError("the answer shows a secret: " + response.json());
      }
    }
    return response;
  }

  /** The decoded strings of a JSON document (names and values), one per line. */
  private static String texts(JsonNode node) {
    StringBuilder texts = new StringBuilder();
    if (node.isTextual()) {
      texts.append(node.asText()).append('\n');
    }
    node.fields()
        .forEachRemaining(
            field -> texts.append(field.getKey()).append('\n').append(texts(field.getValue())));
    if (node.isArray()) {
      node.forEach(item -> texts.append(texts(item)));
    }
    return texts.toString();
  }

  /** Everything the client sent, as text: the method, path, parameters and body. */
  private static String sent(ApiRequest request) {
    return request.method()
        + request.path()
        + request.query()
        + new String(request.body(), StandardCharsets.UTF_8);
  }

  private static HttpApi api() {
    ChannelRegistry channels =
        new ChannelRegistry(new WebSocketFrames(new UnpooledByteBufAllocator(false)));
    MemoryPresenceStore presence = new MemoryPresenceStore();
    MemoryOccupancyStore occupancy = new MemoryOccupancyStore();
    for (String channel : List.of("my-channel", "presence-room", "private-chat", "cache-prices")) {
      occupancy.added(APP_ID, channel);
    }
    presence.join(APP_ID, "presence-room", "1.1", new Member("1", null), 100);
    presence.join(
        APP_ID, "presence-room", "1.2", new Member("2", parse("{\"name\":\"Bob\"}")), 100);
    Cluster cluster =
        new Cluster(
            new dev.herald.server.broker.LocalBroker(
                new NodeDelivery(channels, new SignedInUsers())),
            presence,
            occupancy,
            new MemoryOnlineUserStore(),
            new MemoryCacheStore());
    return new HttpApi(
        new StaticAppRegistry(List.of(App.of(APP_ID, KEY, SECRET), SMALL, DISABLED)),
        cluster,
        Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
  }

  /** Every parameter's values joined by "," (how a repeated parameter is signed). */
  private static Map<String, String> joined(Map<String, List<String>> query) {
    Map<String, String> params = new TreeMap<>();
    query.forEach((name, values) -> params.put(name, String.join(",", values)));
    return params;
  }

  private static JsonNode parse(String json) {
    try {
      return PusherJson.mapper().readTree(json);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
