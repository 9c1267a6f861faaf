package dev.herald.readme;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.herald.AuthResponse;
import dev.herald.AuthorizationDeniedException;
import dev.herald.ChannelAuthorizer;
import dev.herald.PresenceMember;
import dev.herald.UserData;
import dev.herald.pusher.PusherJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The README's channel authorization endpoint on the JDK's {@link HttpServer}, compiled here and
 * exercised over a real socket by {@link AuthEndpointTest}; {@link AuthorizationReadmeTest} checks
 * that the README shows this code.
 */
public final class AuthEndpoint {
  private AuthEndpoint() {}

  /** The app's own user type. */
  public record User(String id, String name, Set<String> orders) {}

  /** How the app finds who is calling (a session cookie, a bearer token…); null if nobody. */
  public interface Sessions {
    User currentUser(HttpExchange exchange);
  }

  /** The app's order service: it broadcasts to everyone but the sender's socket (toOthers). */
  public interface Orders {
    void ship(String orderId, String exceptSocketId);
  }

  static ChannelAuthorizer<User> authorizer(String appKey, String appSecret) {
    ChannelAuthorizer<User> authorizer =
        ChannelAuthorizer.<User>builder(appKey, appSecret)
            // private-orders.42 and private-encrypted-orders.42
            .channel(
                "orders.{orderId}", (user, params) -> user.orders().contains(params.get("orderId")))
            // presence-chat.7: everyone in the room sees id and name
            .presence(
                "chat.{roomId}",
                (user, params) ->
                    Optional.of(new PresenceMember(user.id(), Map.of("name", user.name()))))
            .build();
    return authorizer;
  }

  static HttpServer start(
      InetSocketAddress address,
      ChannelAuthorizer<User> authorizer,
      Sessions sessions,
      Orders orders)
      throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    server.createContext(
        "/broadcasting/auth",
        exchange -> {
          Map<String, String> form = formFields(exchange);
          User user = sessions.currentUser(exchange);
          if (user == null) {
            reply(exchange, 401, error("sign in first"));
            return;
          }
          try {
            AuthResponse auth =
                authorizer.authorize(user, form.get("socket_id"), form.get("channel_name"));
            reply(exchange, 200, auth.toJson());
          } catch (AuthorizationDeniedException e) {
            reply(exchange, 403, error("forbidden"));
          } catch (IllegalArgumentException e) {
            reply(exchange, 400, error(e.getMessage()));
          }
        });
    server.createContext(
        "/broadcasting/user-auth",
        exchange -> {
          Map<String, String> form = formFields(exchange);
          User user = sessions.currentUser(exchange);
          if (user == null) {
            reply(exchange, 401, error("sign in first"));
            return;
          }
          try {
            UserData data = UserData.of(user.id()).withUserInfo(Map.of("name", user.name()));
            reply(exchange, 200, authorizer.signin(user, form.get("socket_id"), data).toJson());
          } catch (AuthorizationDeniedException e) {
            reply(exchange, 403, error("forbidden"));
          } catch (IllegalArgumentException e) {
            reply(exchange, 400, error(e.getMessage()));
          }
        });
    server.createContext(
        "/orders/ship",
        exchange -> {
          // pusher-js apps and Laravel Echo send the socket id, so the sender can be left out.
          String socketId = exchange.getRequestHeaders().getFirst("X-Socket-ID");
          orders.ship(formFields(exchange).get("order_id"), socketId);
          reply(exchange, 204, "");
        });
    server.start();
    return server;
  }

  /** The {@code application/x-www-form-urlencoded} body pusher-js posts. */
  static Map<String, String> formFields(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        fields.put(
            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return fields;
  }

  static String error(String message) {
    ObjectNode node = PusherJson.mapper().createObjectNode();
    node.put("error", message);
    return PusherJson.string(node);
  }

  static void reply(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
