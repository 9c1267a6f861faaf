package dev.herald.server.api;

import dev.herald.server.app.App;
import dev.herald.server.app.AppRegistry;
import dev.herald.server.broker.EventPublisher;
import dev.herald.server.cluster.Cluster;
import dev.herald.server.monitor.MonitorFeed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Pusher HTTP API (protocol reference §1.11) as a route table over transport-independent
 * requests:
 *
 * <pre>
 * GET  /up                                      liveness, no auth: {"status":"ok"}
 * GET  /ready                                   readiness, no auth: 200, or 503 with the reason
 * GET  /metrics                                 Prometheus metrics, no auth
 * POST /apps/{app_id}/events                    trigger an event on 1..maxChannelsPerEvent channels
 * POST /apps/{app_id}/batch_events              trigger 1..maxBatchSize events
 * GET  /apps/{app_id}/channels                  occupied channels
 * GET  /apps/{app_id}/channels/{channel}        one channel's state
 * GET  /apps/{app_id}/channels/{channel}/users  a presence channel's users
 * POST /apps/{app_id}/users/{user_id}/terminate_connections
 * GET  /apps/{app_id}/monitor                   a live tail of the app (Server-Sent Events)
 * /console/…                                    the debug console, when on ({@link ConsoleEndpoint})
 * </pre>
 *
 * <p>Every {@code /apps/…} route is authenticated by {@link ApiAuthenticator}, then counted against
 * the app's {@code api_requests_per_second} ({@link ApiRequestRates}, 429). An unknown path is a
 * 404 and a known path with another method a 405. Refusals ({@link ApiException}) become {@code
 * {"error": message}} with their status here and nowhere else; an unexpected failure is logged and
 * answered 500.
 *
 * <p>Thread-safe; {@link #handle} never blocks, so it may run on an event loop.
 */
public final class HttpApi {
  private static final Logger log = LoggerFactory.getLogger(HttpApi.class);
  private static final String UP = "{\"status\":\"ok\"}";
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final ApiAuthenticator authenticator;
  private final ApiRequestRates requestRates;
  private final List<Route> routes;
  private final Optional<ConsoleEndpoint> console;

  /**
   * @param apps the apps requests are signed for
   * @param cluster the broker events are published to and the stores queries are answered from
   * @param clock the time {@code auth_timestamp} is checked against
   */
  public HttpApi(AppRegistry apps, Cluster cluster, Clock clock) {
    this(apps, cluster, Readiness.ALWAYS, clock);
  }

  /**
   * @param apps the apps requests are signed for
   * @param cluster the broker events are published to and the stores queries are answered from
   * @param readiness whether the node can serve the cluster ({@code GET /ready})
   * @param clock the time {@code auth_timestamp} is checked against
   */
  public HttpApi(AppRegistry apps, Cluster cluster, Readiness readiness, Clock clock) {
    this(
        apps,
        cluster,
        new EventPublisher(cluster.broker(), cluster.cache(), clock),
        readiness,
        () -> "",
        new MonitorFeed(clock),
        clock);
  }

  /**
   * @param apps the apps requests are signed for
   * @param cluster the stores queries are answered from
   * @param publisher publishes the events (the server's one, shared with in-process broadcasts, and
   *     shown to the monitor's viewers)
   * @param readiness whether the node can serve the cluster ({@code GET /ready})
   * @param metrics the metrics in the Prometheus text format ({@code GET /metrics})
   * @param monitor what {@code GET /apps/{app_id}/monitor} streams
   * @param clock the time {@code auth_timestamp} is checked against
   */
  public HttpApi(
      AppRegistry apps,
      Cluster cluster,
      EventPublisher publisher,
      Readiness readiness,
      Supplier<String> metrics,
      MonitorFeed monitor,
      Clock clock) {
    this(apps, cluster, publisher, readiness, metrics, monitor, Optional.empty(), clock);
  }

  /**
   * As the constructor above, also serving the debug console at {@code /console} when {@code
   * console} is present and its access is {@linkplain
   * dev.herald.server.console.ConsoleAccess#enabled enabled}.
   */
  public HttpApi(
      AppRegistry apps,
      Cluster cluster,
      EventPublisher publisher,
      Readiness readiness,
      Supplier<String> metrics,
      MonitorFeed monitor,
      Optional<DebugConsole> console,
      Clock clock) {
    this.console =
        console
            .filter(c -> c.access().enabled())
            .map(
                c ->
                    new ConsoleEndpoint(
                        apps,
                        c,
                        new ConsoleSnapshot(cluster.occupancy(), cluster.presence(), c, clock),
                        publisher,
                        monitor,
                        clock));
    this.authenticator = new ApiAuthenticator(apps, clock);
    this.requestRates = new ApiRequestRates(clock);
    ChannelInfo info = new ChannelInfo(cluster.occupancy(), cluster.presence());
    EventsEndpoint events = new EventsEndpoint(info, publisher);
    ChannelsEndpoint channelQueries =
        new ChannelsEndpoint(cluster.occupancy(), cluster.presence(), info, cluster.cache(), clock);
    UsersEndpoint users = new UsersEndpoint(cluster.broker());
    this.routes =
        List.of(
            Route.open(
                "GET", "/up", call -> CompletableFuture.completedFuture(new ApiResponse(200, UP))),
            Route.open("GET", "/ready", call -> ready(readiness)),
            Route.open(
                "GET",
                "/metrics",
                call ->
                    CompletableFuture.completedFuture(
                        new ApiResponse(200, metrics.get(), PROMETHEUS_TEXT))),
            Route.signed("POST", "/apps/{app_id}/events", events::trigger),
            Route.signed("POST", "/apps/{app_id}/batch_events", events::batch),
            Route.signed("GET", "/apps/{app_id}/channels", channelQueries::list),
            Route.signed("GET", "/apps/{app_id}/channels/{channel}", channelQueries::show),
            Route.signed("GET", "/apps/{app_id}/channels/{channel}/users", channelQueries::users),
            Route.signed(
                "POST", "/apps/{app_id}/users/{user_id}/terminate_connections", users::terminate),
            Route.signed(
                "GET",
                "/apps/{app_id}/monitor",
                call ->
                    CompletableFuture.completedFuture(MonitorStream.answer(monitor, call, clock))));
  }

  /**
   * Answers one request. The future always completes normally, with an error response when the
   * request is refused or fails; it is already complete unless a query waits for a shared store.
   */
  public CompletableFuture<ApiResponse> handle(ApiRequest request) {
    CompletableFuture<ApiResponse> answer;
    try {
      answer = dispatch(request);
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    return answer.exceptionally(e -> refusal(request, e));
  }

  private static CompletableFuture<ApiResponse> ready(Readiness readiness) {
    ApiResponse response =
        readiness
            .problem()
            .map(
                problem -> {
                  var body = dev.herald.pusher.PusherJson.mapper().createObjectNode();
                  body.put("status", "unavailable").put("reason", problem);
                  return new ApiResponse(503, body.toString());
                })
            .orElseGet(() -> new ApiResponse(200, UP));
    return CompletableFuture.completedFuture(response);
  }

  private static ApiResponse refusal(ApiRequest request, Throwable failure) {
    Throwable e =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (e instanceof ApiException refused) {
      return ApiResponse.error(refused.status(), refused.getMessage())
          .retryAfter(refused.retryAfterSeconds());
    }
    log.error("HTTP API {} {} failed", request.method(), request.path(), e);
    return ApiResponse.error(500, "Internal server error");
  }

  private CompletableFuture<ApiResponse> dispatch(ApiRequest request) {
    String path = request.path() == null ? "" : request.path();
    if (console.isPresent() && ConsoleEndpoint.owns(path)) {
      return console.get().handle(request);
    }
    List<String> allowed = new ArrayList<>();
    for (Route route : routes) {
      Optional<Map<String, String>> params = route.match(path);
      if (params.isEmpty()) {
        continue;
      }
      if (!route.method().equals(request.method())) {
        allowed.add(route.method());
        continue;
      }
      App app =
          route.signed()
              ? authenticator.authenticate(request, params.get().get(Route.APP_ID))
              : null;
      if (app != null) {
        requestRates.acquire(app);
      }
      return route.endpoint().handle(new ApiCall(request, app, params.get()));
    }
    if (!allowed.isEmpty()) {
      throw new ApiException(
          405,
          "Method "
              + request.method()
              + " is not allowed on "
              + ApiException.printable(path)
              + "; use "
              + allowed.stream().distinct().collect(Collectors.joining(" or ")));
    }
    throw new ApiException(404, "Not found: no API route for " + ApiException.printable(path));
  }
}
