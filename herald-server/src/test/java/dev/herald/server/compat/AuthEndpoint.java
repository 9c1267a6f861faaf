package dev.herald.server.compat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.herald.AuthorizationDecision;
import dev.herald.AuthorizationRequest;
import dev.herald.ChannelAuthorizer;
import dev.herald.PresenceMember;
import dev.herald.UserData;
import dev.herald.pusher.PusherJson;
import dev.herald.pusher.Signatures;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The app's channel authorization endpoint as the official clients call it (protocol reference
 * §1.9): a form POST with {@code socket_id} and {@code channel_name}, answered with {@code
 * {"auth"}}, {@code {"auth","channel_data"}} for presence or {@code {"auth","shared_secret"}} for
 * encrypted channels. The query string picks the presence user ({@code ?user=alice}) and whether to
 * sign with a wrong secret ({@code &mode=bad}); {@code ?mode=signedin} answers presence channels
 * without {@code channel_data}, for signed-in clients (§1.6). {@code /user-auth} is the user
 * authentication endpoint (§1.7): a form POST with {@code socket_id}, answered with {@code
 * {"auth","user_data"}} for {@code ?user=alice&watch=bob,carol} ({@code &mode=bad} signs wrongly).
 * Well-signed answers come from herald-core's {@link ChannelAuthorizer}, so the official clients
 * check the library's output too. A JDK HTTP server on an ephemeral port.
 */
final class AuthEndpoint implements AutoCloseable {
  /** A fixed 32-byte encryption master key, shared with the server SDK in the API tests. */
  static final byte[] MASTER_KEY =
      "herald-compat-master-key-32bytes".getBytes(StandardCharsets.US_ASCII);

  private final HttpServer server;
  private final String key;
  private final String secret;
  private final ChannelAuthorizer<String> authorizer;

  private AuthEndpoint(String key, String secret) throws IOException {
    this.key = key;
    this.secret = secret;
    // Every channel is allowed (no rule matches, the middleware overrules): the clients' side of
    // the signature is what these tests check. The user is the query's ?user=.
    this.authorizer =
        ChannelAuthorizer.<String>builder(key, secret)
            .encryptionMasterKey(MASTER_KEY)
            .middleware(
                (request, next) ->
                    request.kind() == AuthorizationRequest.Kind.PRESENCE
                        ? AuthorizationDecision.allow(
                            new PresenceMember(request.user(), Map.of("name", request.user())))
                        : AuthorizationDecision.allow())
            .build();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/auth", this::handle);
    server.createContext("/user-auth", this::handleUser);
    server.start();
  }

  /** Starts an endpoint that signs for the app with this key and secret. */
  static AuthEndpoint start(String key, String secret) {
    try {
      return new AuthEndpoint(key, secret);
    } catch (IOException e) {
      throw new IllegalStateException("could not start the auth endpoint", e);
    }
  }

  /** The URL that authorizes as presence user {@code user}. */
  String url(String user) {
    return baseUrl() + "?user=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
  }

  /** A URL whose answers carry a well-formed auth signed with the wrong secret. */
  String badSignatureUrl() {
    return baseUrl() + "?user=mallory&mode=bad";
  }

  /** A URL for signed-in clients: presence answers carry no {@code channel_data}. */
  String signedInPresenceUrl() {
    return baseUrl() + "?mode=signedin";
  }

  /** The user authentication URL that signs in as {@code user}, watching {@code watchlist}. */
  String userAuthUrl(String user, String... watchlist) {
    String url = userAuthBaseUrl() + "?user=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
    return watchlist.length == 0
        ? url
        : url + "&watch=" + URLEncoder.encode(String.join(",", watchlist), StandardCharsets.UTF_8);
  }

  /** A user authentication URL whose answers are signed with the wrong secret. */
  String badUserAuthUrl(String user) {
    return userAuthUrl(user) + "&mode=bad";
  }

  /** The user authentication endpoint without a query. */
  String userAuthBaseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/user-auth";
  }

  /** {@code {"id": user, "user_info": {"name": user}, "watchlist"?: […]}}, the sign-in data. */
  static String userData(String user, List<String> watchlist) {
    ObjectNode data = PusherJson.mapper().createObjectNode();
    data.put("id", user);
    data.putObject("user_info").put("name", user);
    if (!watchlist.isEmpty()) {
      watchlist.forEach(data.putArray("watchlist")::add);
    }
    return PusherJson.string(data);
  }

  /** The master key as pusher-http-java takes it. */
  static String masterKeyBase64() {
    return Base64.getEncoder().encodeToString(MASTER_KEY);
  }

  /** {@code {"user_id": user, "user_info": {"name": user}}}, the presence channel data. */
  static String channelData(String user) {
    ObjectNode data = PusherJson.mapper().createObjectNode();
    data.put("user_id", user);
    data.putObject("user_info").put("name", user);
    return PusherJson.string(data);
  }

  /** {@code base64(SHA256(channel name ‖ master key))} (protocol reference §1.10). */
  static String sharedSecret(String channel) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(channel.getBytes(StandardCharsets.UTF_8));
      sha256.update(MASTER_KEY);
      return Base64.getEncoder().encodeToString(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** The endpoint without a query: {@code http://127.0.0.1:<port>/auth}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/auth";
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
      Map<String, String> form =
          form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      String socketId = form.get("socket_id");
      String channel = form.get("channel_name");
      if (!"POST".equals(exchange.getRequestMethod()) || socketId == null || channel == null) {
        respond(exchange, 400, "{\"error\":\"POST socket_id and channel_name\"}");
        return;
      }
      String user = query.getOrDefault("user", "anonymous");
      if (query.get("mode") == null
          && (channel.startsWith("private-") || channel.startsWith("presence-"))) {
        respond(exchange, 200, authorizer.authorize(user, socketId, channel).toJson());
        return;
      }
      String signingSecret = "bad".equals(query.get("mode")) ? "not-" + secret : secret;
      ObjectNode answer = PusherJson.mapper().createObjectNode();
      if (channel.startsWith("presence-") && "signedin".equals(query.get("mode"))) {
        answer.put("auth", Signatures.channelAuth(key, signingSecret, socketId, channel, null));
      } else if (channel.startsWith("presence-")) {
        String channelData = channelData(user);
        answer.put(
            "auth", Signatures.channelAuth(key, signingSecret, socketId, channel, channelData));
        answer.put("channel_data", channelData);
      } else if (channel.startsWith("private-")) {
        answer.put("auth", Signatures.channelAuth(key, signingSecret, socketId, channel, null));
        if (channel.startsWith("private-encrypted-")) {
          answer.put("shared_secret", sharedSecret(channel));
        }
      } else {
        respond(exchange, 403, "{\"error\":\"only private and presence channels need auth\"}");
        return;
      }
      respond(exchange, 200, PusherJson.string(answer));
    }
  }

  private void handleUser(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
      Map<String, String> form =
          form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      String socketId = form.get("socket_id");
      if (!"POST".equals(exchange.getRequestMethod()) || socketId == null) {
        respond(exchange, 400, "{\"error\":\"POST socket_id\"}");
        return;
      }
      String watch = query.getOrDefault("watch", "");
      String user = query.getOrDefault("user", "anonymous");
      List<String> watchlist = watch.isEmpty() ? List.of() : List.of(watch.split(","));
      if (query.get("mode") == null) {
        UserData data =
            UserData.of(user).withUserInfo(Map.of("name", user)).withWatchlist(watchlist);
        respond(exchange, 200, authorizer.signin(user, socketId, data).toJson());
        return;
      }
      String userData = userData(user, watchlist);
      String signingSecret = "bad".equals(query.get("mode")) ? "not-" + secret : secret;
      ObjectNode answer = PusherJson.mapper().createObjectNode();
      answer.put("auth", Signatures.userAuth(key, signingSecret, socketId, userData));
      answer.put("user_data", userData);
      respond(exchange, 200, PusherJson.string(answer));
    }
  }

  static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  static Map<String, String> form(String encoded) {
    Map<String, String> fields = new HashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return fields;
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      fields.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return fields;
  }
}
