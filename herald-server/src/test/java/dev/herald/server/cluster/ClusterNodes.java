package dev.herald.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.ApiSignature;
import dev.herald.pusher.PusherJson;
import dev.herald.redis.testing.TestRedis;
import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.app.Webhook;
import dev.herald.server.lifecycle.LifecycleListener;
import dev.herald.server.redis.RedisSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Herald nodes on free ports that share one Redis under a prefix of their own. */
final class ClusterNodes implements AutoCloseable {
  static final App APP = App.of("1", "app-key", "app-secret");

  /** The webhook events the cluster tests count: those that must arrive once per cluster. */
  static final Set<String> ONCE_PER_CLUSTER =
      Set.of("channel_occupied", "channel_vacated", "member_added", "member_removed");

  /** {@link #APP} with one webhook endpoint for the {@link #ONCE_PER_CLUSTER} events. */
  static App appWithWebhooksTo(URI url) {
    return APP.withWebhooks(List.of(new Webhook(url, ONCE_PER_CLUSTER, null, null, Map.of())));
  }

  /** The longest an HTTP call to a node may take: nothing a node answers should ever hang. */
  static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

  private static final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(HTTP_TIMEOUT)
          .build();

  private final RedisSettings redis;
  private final App app;
  private final List<HeraldServer> nodes = new ArrayList<>();

  /**
   * Nodes on the test Redis, under a prefix of their own, whose app posts webhooks to {@code url}.
   */
  static ClusterNodes onTestRedisWithWebhooksTo(URI url, Duration nodeTimeout) {
    return new ClusterNodes(
        TestRedis.uri(), TestRedis.uniquePrefix(), nodeTimeout, appWithWebhooksTo(url));
  }

  ClusterNodes(String redisUrl, String prefix, Duration nodeTimeout) {
    this(redisUrl, prefix, nodeTimeout, APP);
  }

  /** Nodes that serve {@code app} (e.g. {@link #APP} with webhooks). */
  ClusterNodes(String redisUrl, String prefix, Duration nodeTimeout, App app) {
    this.redis = new RedisSettings(redisUrl, prefix, nodeTimeout);
    this.app = app;
  }

  /** The Redis the nodes share. */
  RedisSettings redis() {
    return redis;
  }

  /** Starts one more node; its lifecycle events go to {@code listener}. */
  HeraldServer start(LifecycleListener listener) {
    return start(app, listener);
  }

  /** Starts one more node serving {@code app}. */
  HeraldServer start(App app, LifecycleListener listener) {
    HeraldServer node =
        HeraldServer.start(
            ServerConfig.DEFAULTS
                .withAddress("127.0.0.1", 0)
                .withApps(List.of(app))
                .withRedis(redis),
            Clock.systemUTC(),
            List.of(listener));
    nodes.add(node);
    return node;
  }

  /** Starts one more node. */
  HeraldServer start() {
    return start(event -> {});
  }

  /** A signed POST to {@code node}'s HTTP API; answers status and body. */
  static HttpResponse<String> post(HeraldServer node, String path, String body) {
    return send(node.port(), "POST", path, body);
  }

  /** A signed GET to {@code node}'s HTTP API. */
  static HttpResponse<String> get(HeraldServer node, String path) {
    return send(node.port(), "GET", path, "");
  }

  /** A signed POST to the node on {@code port} (e.g. one in another process). */
  static HttpResponse<String> post(int port, String path, String body) {
    return send(port, "POST", path, body);
  }

  /** A signed GET to the node on {@code port}. */
  static HttpResponse<String> get(int port, String path) {
    return send(port, "GET", path, "");
  }

  /** Triggers {@code name} on {@code channel} with {@code data} through {@code node}'s API. */
  static HttpResponse<String> trigger(HeraldServer node, String channel, String name, String data) {
    return post(
        node,
        "/apps/1/events",
        "{\"name\":\"" + name + "\",\"channel\":\"" + channel + "\",\"data\":\"" + data + "\"}");
  }

  /** The user ids {@code GET /apps/1/channels/{channel}/users} lists on {@code node}. */
  static List<String> users(HeraldServer node, String channel) {
    HttpResponse<String> answer = get(node, "/apps/1/channels/" + channel + "/users");
    if (answer.statusCode() != 200) {
      throw new AssertionError(
          "users of " + channel + ": " + answer.statusCode() + " " + answer.body());
    }
    return json(answer.body()).path("users").findValuesAsText("id");
  }

  /** The subscription count {@code GET /apps/1/channels/{channel}} reports on {@code node}. */
  static int subscriptionCount(HeraldServer node, String channel) {
    HttpResponse<String> answer =
        get(node, "/apps/1/channels/" + channel + "?info=subscription_count");
    if (answer.statusCode() != 200) {
      throw new AssertionError(
          "channel " + channel + ": " + answer.statusCode() + " " + answer.body());
    }
    return json(answer.body()).path("subscription_count").asInt();
  }

  /** The status of {@code GET /ready} on {@code node}. */
  static int ready(HeraldServer node) {
    return get(node, "/ready").statusCode();
  }

  /**
   * How often each webhook event arrived, by {@code "name channel"} or {@code "name channel
   * user_id"} for member events.
   */
  static Map<String, Integer> tally(List<JsonNode> events) {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    for (JsonNode e : events) {
      String key = e.path("name").asText() + " " + e.path("channel").asText();
      if (e.has("user_id") && e.path("name").asText().startsWith("member_")) {
        key += " " + e.path("user_id").asText();
      }
      counts.merge(key, 1, Integer::sum);
    }
    return counts;
  }

  static JsonNode json(String body) {
    try {
      return PusherJson.mapper().readTree(body);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  private static HttpResponse<String> send(int port, String method, String path, String body) {
    String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    Map<String, String> query = new java.util.TreeMap<>();
    if (path.contains("?")) {
      for (String pair : path.substring(path.indexOf('?') + 1).split("&")) {
        String[] kv = pair.split("=", 2);
        query.put(kv[0], kv.length > 1 ? kv[1] : "");
      }
    }
    Map<String, String> signed =
        ApiSignature.signedParams(
            APP.key(),
            APP.secret(),
            method,
            pathOnly,
            query,
            method.equals("POST") ? body : null,
            System.currentTimeMillis() / 1000);
    StringBuilder uri =
        new StringBuilder("http://127.0.0.1:").append(port).append(pathOnly).append('?');
    signed.forEach((k, v) -> uri.append(k).append('=').append(v).append('&'));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(uri.toString())).timeout(HTTP_TIMEOUT);
    request =
        method.equals("POST")
            ? request
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
            : request.GET();
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops one node gracefully (its webhooks flushed) and forgets it. */
  void stop(HeraldServer node) {
    if (nodes.remove(node)) {
      node.close();
    }
  }

  /** Stops every node still running; held and batched webhooks are sent before this returns. */
  @Override
  public void close() {
    List.copyOf(nodes).forEach(this::stop);
  }
}
