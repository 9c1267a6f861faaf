package dev.herald;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.herald.RecordedObserver.Sent;
import dev.herald.pusher.ApiSignature;
import dev.herald.pusher.PusherJson;
import dev.herald.pusher.Signatures;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A Pusher HTTP API stand-in on a JDK {@link HttpServer}: checks each request's signature and
 * {@code body_md5} as Pusher does (401 when wrong), records it, and answers as told ({@code {}} by
 * default).
 */
public final class StubApiServer implements AutoCloseable {
  public static final String APP_ID = "7";
  public static final String KEY = "stub-key";
  public static final String SECRET = "stub-secret";

  /**
   * A request as received, query decoded.
   *
   * @param clientPort the client's port: the same for requests on one kept-alive connection
   * @param upgrade the {@code Upgrade} header, or null (an HTTP/2 client would send {@code h2c})
   */
  public record Request(
      String method,
      String path,
      Map<String, String> query,
      String body,
      int clientPort,
      String upgrade) {
    public JsonNode json() {
      try {
        return PusherJson.mapper().readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  /** An answer. */
  public record Response(int status, String body) {
    public static final Response OK = new Response(200, "{}");
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Sent> sent = new CopyOnWriteArrayList<>();
  private volatile Function<Request, Response> responder = request -> Response.OK;

  public StubApiServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** The base URL to give the broadcaster. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A broadcaster for this stub's app. */
  public HttpBroadcasterBuilder broadcaster() {
    return HttpBroadcaster.builder().url(url()).app(APP_ID, KEY, SECRET);
  }

  /** How to answer validly signed requests from now on. */
  public void respond(Function<Request, Response> answer) {
    this.responder = answer;
  }

  /** Every validly signed request, in arrival order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Every event delivered by a validly signed, successfully answered request, per channel. */
  public List<Sent> sent() {
    return List.copyOf(sent);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      Map<String, String> query = decode(exchange.getRequestURI().getRawQuery());
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      String problem = authProblem(method, path, query, body);
      if (problem != null) {
        reply(exchange, new Response(401, "{\"error\":\"" + problem + "\"}"));
        return;
      }
      Request request =
          new Request(
              method,
              path,
              query,
              new String(body, StandardCharsets.UTF_8),
              exchange.getRemoteAddress().getPort(),
              exchange.getRequestHeaders().getFirst("Upgrade"));
      requests.add(request);
      Response response = responder.apply(request);
      if (response.status() / 100 == 2) {
        sent.addAll(events(request));
      }
      reply(exchange, response);
    } catch (RuntimeException e) {
      reply(exchange, new Response(500, "{\"error\":\"stub failed: " + e + "\"}"));
    }
  }

  private static String authProblem(
      String method, String path, Map<String, String> query, byte[] body) {
    if (!KEY.equals(query.get(ApiSignature.AUTH_KEY))) {
      return "wrong auth_key";
    }
    if (body.length > 0 && !Signatures.md5Hex(body).equals(query.get(ApiSignature.BODY_MD5))) {
      return "wrong body_md5";
    }
    String expected = ApiSignature.sign(SECRET, method, path, query);
    if (!Signatures.constantTimeEquals(expected, query.get(ApiSignature.AUTH_SIGNATURE))) {
      return "wrong auth_signature";
    }
    return null;
  }

  private static List<Sent> events(Request request) {
    List<Sent> events = new ArrayList<>();
    if (request.path().endsWith("/events") && !request.path().contains("/users/")) {
      JsonNode body = request.json();
      for (JsonNode channel : body.path("channels")) {
        events.add(event(channel.asText(), body));
      }
    } else if (request.path().endsWith("/batch_events")) {
      for (JsonNode item : request.json().path("batch")) {
        events.add(event(item.path("channel").asText(), item));
      }
    }
    return events;
  }

  private static Sent event(String channel, JsonNode node) {
    JsonNode socketId = node.get("socket_id");
    return new Sent(
        channel,
        node.path("name").asText(),
        node.path("data").asText(),
        socketId == null ? null : socketId.asText());
  }

  private static Map<String, String> decode(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        query.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return query;
  }

  private static void reply(HttpExchange exchange, Response response) throws IOException {
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
