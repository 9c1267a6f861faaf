package dev.herald.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.pusher.PusherJson;
import dev.herald.server.app.App;
import dev.herald.server.app.AppRegistry;
import dev.herald.server.app.ReloadableApps;
import dev.herald.server.broker.EventPublisher;
import dev.herald.server.console.ConsoleAccess;
import dev.herald.server.console.ConsoleAsset;
import dev.herald.server.console.ConsoleAssets;
import dev.herald.server.monitor.MonitorFeed;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The debug console under {@code /console}:
 *
 * <pre>
 * GET  /console/{file}                        the page's files (no auth: they hold no data)
 * GET  /console/api/session                   {"login_required": bool}, no auth
 * GET  /console/api/apps                      the apps: id, key, enabled (never a secret)
 * GET  /console/api/apps/{app_id}             one app's snapshot ({@link ConsoleSnapshot})
 * GET  /console/api/apps/{app_id}/stream      the app's monitor feed as Server-Sent Events
 * POST /console/api/apps/{app_id}/events      a test event {channel, event, data}, published as
 *                                             POST /apps/{app_id}/events publishes it
 * POST /console/api/reload                    reloads the configuration, as SIGHUP does
 *                                             ({"added", "changed", "closed": [app ids]})
 * </pre>
 *
 * <p>{@code /console/api/…} is authorized by {@link ConsoleAccess} (401 otherwise). The stream is
 * read with {@code fetch()}, which can send the {@code Authorization} header that {@code
 * EventSource} cannot: so the token is never in a URL, and no ticket needs issuing. An app's
 * snapshot and stream only ever hold that app's data. Thread-safe; never blocks.
 */
final class ConsoleEndpoint {
  static final String PREFIX = "/console";
  private static final Map<String, String> PAGE_HEADERS =
      Map.of(
          "Cache-Control", "no-cache",
          "X-Content-Type-Options", "nosniff",
          "X-Frame-Options", "DENY",
          "Referrer-Policy", "no-referrer",
          "Content-Security-Policy",
              "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                  + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action"
                  + " 'none'");
  private static final Map<String, String> API_HEADERS =
      Map.of("Cache-Control", "no-store", "X-Content-Type-Options", "nosniff");

  private final AppRegistry apps;
  private final ConsoleAccess access;
  private final ConsoleAssets assets;
  private final ConsoleSnapshot snapshots;
  private final EventPublisher publisher;
  private final List<Route> routes;

  ConsoleEndpoint(
      AppRegistry apps,
      DebugConsole console,
      ConsoleSnapshot snapshots,
      EventPublisher publisher,
      MonitorFeed monitor,
      Clock clock) {
    this.apps = apps;
    this.access = console.access();
    this.assets = ConsoleAssets.load();
    this.snapshots = snapshots;
    this.publisher = publisher;
    this.routes =
        List.of(
            Route.open("GET", PREFIX + "/api/session", call -> session()),
            Route.open("GET", PREFIX + "/api/apps", call -> appList()),
            Route.open("GET", PREFIX + "/api/apps/{app_id}", call -> snapshots.of(app(call))),
            Route.open(
                "GET",
                PREFIX + "/api/apps/{app_id}/stream",
                call ->
                    done(ApiResponse.stream(new MonitorStream(monitor, app(call).id(), clock)))),
            Route.open("POST", PREFIX + "/api/apps/{app_id}/events", this::testEvent),
            Route.open("POST", PREFIX + "/api/reload", call -> reload(console)));
  }

  /**
   * Reloads on a thread of its own: it reads files and maybe a database, and waits for the event
   * loops to apply it, so it must not run on one.
   */
  private static CompletableFuture<ApiResponse> reload(DebugConsole console) {
    CompletableFuture<ApiResponse> answer = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                ReloadableApps.Changes changes = console.reload().get();
                ObjectNode body = PusherJson.mapper().createObjectNode();
                changes.added().forEach(app -> body.withArray("added").add(app.id()));
                changes.changed().forEach(app -> body.withArray("changed").add(app.id()));
                changes.gone().forEach(app -> body.withArray("closed").add(app.id()));
                answer.complete(ApiResponse.ok(body));
              } catch (IllegalStateException e) {
                answer.completeExceptionally(new ApiException(409, e.getMessage()));
              } catch (RuntimeException e) {
                answer.completeExceptionally(
                    new ApiException(400, "Reload refused, nothing changed: " + e.getMessage()));
              }
            },
            "herald-reload");
    thread.setDaemon(true);
    thread.start();
    return answer;
  }

  /** Whether {@code path} is the console's. */
  static boolean owns(String path) {
    return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
  }

  CompletableFuture<ApiResponse> handle(ApiRequest request) {
    String path = request.path();
    if (!path.startsWith(PREFIX + "/api/")) {
      return done(file(request, path));
    }
    for (Route route : routes) {
      Optional<Map<String, String>> params = route.match(path);
      if (params.isEmpty()) {
        continue;
      }
      if (!route.method().equals(request.method())) {
        throw new ApiException(405, "Method " + request.method() + " is not allowed here");
      }
      if (!route.pattern().endsWith("/session")) {
        authorize(request);
      }
      return route
          .endpoint()
          .handle(new ApiCall(request, null, params.get()))
          .thenApply(response -> response.withHeaders(API_HEADERS));
    }
    throw new ApiException(404, "Not found: no console route for " + ApiException.printable(path));
  }

  private void authorize(ApiRequest request) {
    boolean indirect =
        request.header("x-forwarded-for") != null
            || request.header("forwarded") != null
            || !ConsoleAccess.isLoopbackHost(request.header("host"));
    access
        .refusal(request.header("authorization"), request.peer(), indirect)
        .ifPresent(
            reason -> {
              throw ApiException.unauthorized(reason);
            });
    // A JSON body needs a CORS preflight, which is never answered: no other site's page can post.
    String type = request.header("content-type");
    if (request.method().equals("POST") && (type == null || !type.startsWith(ApiResponse.JSON))) {
      throw new ApiException(415, "Send the request body as Content-Type: application/json");
    }
  }

  private ApiResponse file(ApiRequest request, String path) {
    if (!request.method().equals("GET")) {
      throw new ApiException(405, "Method " + request.method() + " is not allowed; use GET");
    }
    if (path.equals(PREFIX)) {
      // The page's relative links need the trailing slash.
      return new ApiResponse(308, "", "text/plain").withHeaders(Map.of("Location", "console/"));
    }
    ConsoleAsset asset =
        assets
            .find(path.substring(PREFIX.length() + 1))
            .orElseThrow(
                () ->
                    new ApiException(
                        404, "Not found: the console has no " + ApiException.printable(path)));
    if (asset.etag().equals(request.header("if-none-match"))) {
      return new ApiResponse(304, "", asset.contentType())
          .withHeaders(Map.of("ETag", asset.etag(), "Cache-Control", "no-cache"));
    }
    return new ApiResponse(200, asset.body(), asset.contentType())
        .withHeaders(PAGE_HEADERS)
        .withHeaders(Map.of("ETag", asset.etag()));
  }

  private CompletableFuture<ApiResponse> session() {
    ObjectNode body = PusherJson.mapper().createObjectNode();
    body.put("login_required", access.loginRequired());
    return done(ApiResponse.ok(body));
  }

  private CompletableFuture<ApiResponse> appList() {
    ObjectNode body = PusherJson.mapper().createObjectNode();
    ArrayNode list = body.putArray("apps");
    for (App app : apps.all()) {
      list.addObject().put("id", app.id()).put("key", app.key()).put("enabled", app.enabled());
    }
    return done(ApiResponse.ok(body));
  }

  /** {@code {channel, event, data}} validated as the HTTP API's trigger, then published. */
  private CompletableFuture<ApiResponse> testEvent(ApiCall call) {
    App app = app(call);
    ObjectNode form = JsonBodies.object(call.request().body());
    ObjectNode event = PusherJson.mapper().createObjectNode();
    event.put(EventRequest.NAME, JsonBodies.requiredString(form, "", PusherJson.EVENT));
    event.put(EventRequest.DATA, JsonBodies.requiredString(form, "", PusherJson.DATA));
    event
        .putArray(EventRequest.CHANNELS)
        .add(JsonBodies.requiredString(form, "", PusherJson.CHANNEL));
    EventRequest request = EventRequest.parse(event, "", app.limits(), false);
    for (String channel : request.channels()) {
      publisher.publish(app, channel, request.name(), request.data(), null);
    }
    return done(ApiResponse.ok(PusherJson.mapper().createObjectNode()));
  }

  private App app(ApiCall call) {
    String id = call.pathParam(Route.APP_ID);
    return apps.findById(id)
        .orElseThrow(
            () -> new ApiException(404, "No app has the id '" + ApiException.printable(id) + "'"));
  }

  private static CompletableFuture<ApiResponse> done(ApiResponse response) {
    return CompletableFuture.completedFuture(response);
  }
}
