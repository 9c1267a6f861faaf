package dev.herald.server.cluster;

import dev.herald.pusher.ApiSignature;
import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.lifecycle.LifecycleListener;
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

/** Herald nodes on free ports that share one Redis under a prefix of their own. */
final class ClusterNodes implements AutoCloseable {
  static final App APP = App.of("1", "app-key", "app-secret");
  private static final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final RedisSettings redis;
  private final List<HeraldServer> nodes = new ArrayList<>();

  ClusterNodes(String redisUrl, String prefix, Duration nodeTimeout) {
    this.redis = new RedisSettings(redisUrl, prefix, nodeTimeout);
  }

  /** Starts one more node; its lifecycle events go to {@code listener}. */
  HeraldServer start(LifecycleListener listener) {
    return start(APP, listener);
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
    return send(node, "POST", path, body);
  }

  /** A signed GET to {@code node}'s HTTP API. */
  static HttpResponse<String> get(HeraldServer node, String path) {
    return send(node, "GET", path, "");
  }

  private static HttpResponse<String> send(
      HeraldServer node, String method, String path, String body) {
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
        new StringBuilder("http://127.0.0.1:").append(node.port()).append(pathOnly).append('?');
    signed.forEach((k, v) -> uri.append(k).append('=').append(v).append('&'));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri.toString()));
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

  @Override
  public void close() {
    nodes.forEach(HeraldServer::close);
  }
}
