package dev.herald.bench;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;

/**
 * Typed access to {@code --name value} options ({@link Args}), and the options every scenario
 * shares: the server's URL and app credentials, its name and pid, the output file.
 */
final class Options {
  private final Map<String, String> values;

  Options(String[] args) {
    this.values = Args.parse(args);
  }

  String string(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  int integer(String name, int fallback) {
    return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
  }

  long longInteger(String name, long fallback) {
    return values.containsKey(name) ? Long.parseLong(values.get(name)) : fallback;
  }

  double number(String name, double fallback) {
    return values.containsKey(name) ? Double.parseDouble(values.get(name)) : fallback;
  }

  boolean flag(String name) {
    return Boolean.parseBoolean(values.getOrDefault(name, "false"));
  }

  /** A comma-separated list of numbers, e.g. {@code --rates 10,20,40}. */
  double[] numbers(String name, String fallback) {
    return Arrays.stream(string(name, fallback).split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .mapToDouble(Double::parseDouble)
        .toArray();
  }

  /** The server under test: {@code --url --app-id --key --secret}. */
  Endpoint endpoint() {
    URI http = URI.create(string("url", "http://127.0.0.1:6101"));
    return new Endpoint(
        http,
        string("app-id", "herald-dev"),
        string("key", "herald-dev-key"),
        string("secret", "herald-dev-secret"));
  }

  /**
   * Where the publisher sends its triggers: {@code --publish-url}, by default the server under test
   * ({@code --url}); another node of the same cluster for the cross-node run.
   */
  Endpoint publishEndpoint() {
    Endpoint subscribed = endpoint();
    String url = string("publish-url", "");
    return url.isEmpty()
        ? subscribed
        : new Endpoint(URI.create(url), subscribed.appId(), subscribed.key(), subscribed.secret());
  }

  /** The server's name for the report ({@code --server}). */
  String server() {
    return string("server", "server");
  }

  /**
   * How to read the server process: {@code --server-pid --clk-tck}; {@code --jvm false} for a
   * server that is not a JVM (no heap figures); {@code --also-cpu-pids} for the other processes of
   * a cluster (nodes, Redis) whose CPU counts too.
   */
  ServerProbe probe() {
    return new ServerProbe(
        longInteger("server-pid", 0),
        longInteger("clk-tck", 100),
        Boolean.parseBoolean(string("jvm", "true")),
        Arrays.stream(string("also-cpu-pids", "").split(","))
            .map(String::trim)
            .filter(pid -> !pid.isEmpty())
            .mapToLong(Long::parseLong)
            .toArray());
  }

  /** Where the result JSON goes ({@code --out}). */
  String out() {
    return string("out", server() + ".json");
  }

  /** The server's URL, app and credentials. */
  record Endpoint(URI http, String appId, String key, String secret) {
    /** The WebSocket URL a Pusher client connects to. */
    URI ws() {
      return URI.create(
          "ws://" + http.getHost() + ":" + http.getPort() + "/app/" + key + "?protocol=7");
    }

    Publisher publisher() {
      return new Publisher(http, appId, key, secret);
    }
  }
}
