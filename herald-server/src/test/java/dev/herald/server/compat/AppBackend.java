package dev.herald.server.compat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.herald.pusher.ChannelName;
import dev.herald.pusher.PusherJson;
import dev.herald.server.app.App;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The app's backend as the parity tests need it: the official server SDK, pusher-http-java 1.3.4,
 * pointed at Herald's HTTP API. That SDK has no {@code sendToUser} or {@code
 * terminateUserConnections} (pusher-http-node has both), so those two go through its generic signed
 * {@code post()}: a normal {@code /events} request to {@code #server-to-user-{id}} (exactly what
 * pusher-http-node's {@code sendToUser} sends, protocol reference §1.7) and {@code POST
 * /users/{id}/terminate_connections}.
 *
 * <p>Scripts in other languages drive it over plain HTTP: {@code GET
 * /backend/{trigger|send-to-user|terminate}?channel=&user=&event=&data=} answers {@code {"status":
 * <HTTP status of the API call>, "body": <its body>}}. A JDK HTTP server on an ephemeral port.
 */
final class AppBackend implements AutoCloseable {
  private final Pusher rest;
  private final HttpServer server;

  private AppBackend(App app, int port) throws IOException {
    rest = new Pusher(app.id(), app.key(), app.secret());
    rest.setHost("127.0.0.1:" + port); // Plain http is the SDK's default scheme.
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/backend/", this::handle);
    server.start();
  }

  /** A backend for {@code app} on a Herald whose HTTP API listens on {@code port}. */
  static AppBackend start(App app, int port) {
    try {
      return new AppBackend(app, port);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the app backend", e);
    }
  }

  /** The base URL scripts call: {@code http://127.0.0.1:<port>/backend}. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/backend";
  }

  /** The SDK itself, for calls this class does not wrap. */
  Pusher sdk() {
    return rest;
  }

  /** {@code Pusher#trigger} with {@code jsonData} (a JSON object) as the event's data. */
  Result trigger(String channel, String event, String jsonData) {
    return rest.trigger(channel, event, asMap(jsonData));
  }

  /** What {@code sendToUser} sends: an event on {@code #server-to-user-{userId}}. */
  Result sendToUser(String userId, String event, String jsonData) {
    ObjectNode body = PusherJson.mapper().createObjectNode();
    body.put("name", event);
    body.putArray("channels").add(ChannelName.serverToUser(userId));
    body.put("data", jsonData);
    return rest.post("/events", PusherJson.string(body));
  }

  /** What {@code terminateUserConnections} sends. */
  Result terminate(String userId) {
    String user = URLEncoder.encode(userId, StandardCharsets.UTF_8);
    return rest.post("/users/" + user + "/terminate_connections", "{}");
  }

  @Override
  public void close() {
    server.stop(0);
    try {
      rest.close();
    } catch (Exception e) {
      throw new IllegalStateException("could not close the SDK", e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String action = exchange.getRequestURI().getPath().substring("/backend/".length());
      Map<String, String> q = AuthEndpoint.form(exchange.getRequestURI().getRawQuery());
      String data = q.getOrDefault("data", "{}");
      Result result =
          switch (action) {
            case "trigger" -> trigger(q.get("channel"), q.get("event"), data);
            case "send-to-user" -> sendToUser(q.get("user"), q.get("event"), data);
            case "terminate" -> terminate(q.get("user"));
            default -> null;
          };
      if (result == null) {
        AuthEndpoint.respond(exchange, 404, "{\"error\":\"unknown action " + action + "\"}");
        return;
      }
      ObjectNode answer = PusherJson.mapper().createObjectNode();
      answer.put("status", result.getHttpStatus() == null ? -1 : result.getHttpStatus());
      answer.put("body", result.getMessage());
      AuthEndpoint.respond(exchange, 200, PusherJson.string(answer));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(String json) {
    try {
      return PusherJson.mapper().readValue(json, Map.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a JSON object: " + json, e);
    }
  }
}
