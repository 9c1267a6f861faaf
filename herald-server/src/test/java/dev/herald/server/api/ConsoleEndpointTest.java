package dev.herald.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.server.api.ApiFixture.RecordingBroker;
import dev.herald.server.app.App;
import dev.herald.server.app.ReloadableApps;
import dev.herald.server.app.StaticAppRegistry;
import dev.herald.server.broker.EventPublisher;
import dev.herald.server.broker.LocalBroker;
import dev.herald.server.cache.MemoryCacheStore;
import dev.herald.server.channel.ChannelRegistry;
import dev.herald.server.channel.MemoryOccupancyStore;
import dev.herald.server.cluster.Cluster;
import dev.herald.server.console.ConsoleAccess;
import dev.herald.server.monitor.MonitorFeed;
import dev.herald.server.presence.Member;
import dev.herald.server.presence.MemoryOnlineUserStore;
import dev.herald.server.presence.MemoryPresenceStore;
import dev.herald.server.protocol.NodeDelivery;
import dev.herald.server.protocol.SignedInUsers;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The debug console's routes on {@link HttpApi}: access, files, snapshots, test events. */
class ConsoleEndpointTest {
  private static final String TOKEN = "a-long-enough-admin-token";
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final InetAddress ELSEWHERE = address("203.0.113.7");

  private final ChannelRegistry channels = new ChannelRegistry(ApiFixture.TextFrame::new);
  private final RecordingBroker broker =
      new RecordingBroker(new LocalBroker(new NodeDelivery(channels, new SignedInUsers())));
  private final MemoryOccupancyStore occupancy = new MemoryOccupancyStore();
  private final MemoryPresenceStore presence = new MemoryPresenceStore();
  private final Clock clock = Clock.systemUTC();
  private final MonitorFeed monitor = new MonitorFeed(clock);

  /** What the console's reload does in these tests. */
  private java.util.function.Supplier<ReloadableApps.Changes> reload =
      () -> {
        throw new IllegalStateException("no configuration to reload here");
      };

  private HttpApi api(Optional<String> token, boolean development) {
    MemoryCacheStore cache = new MemoryCacheStore();
    Cluster cluster = new Cluster(broker, presence, occupancy, new MemoryOnlineUserStore(), cache);
    DebugConsole console =
        new DebugConsole(
            ConsoleAccess.of(token, development),
            app -> app.equals("shop") ? 2 : 5,
            app -> 7,
            app -> 11,
            () -> reload.get());
    return new HttpApi(
        new StaticAppRegistry(
            List.of(
                App.of("shop", "shop-key", "shop-secret"),
                App.of("blog", "blog-key", "blog-secret"))),
        cluster,
        new EventPublisher(broker, cache, clock, monitor),
        Readiness.ALWAYS,
        () -> "",
        monitor,
        Optional.of(console),
        clock);
  }

  private static ApiResponse send(
      HttpApi api,
      String method,
      String path,
      String authorization,
      InetAddress peer,
      String body) {
    Map<String, String> headers = new HashMap<>();
    if (authorization != null) {
      headers.put("authorization", authorization);
    }
    if (method.equals("POST")) {
      headers.put("content-type", "application/json");
    }
    ApiResponse response =
        api.handle(
                new ApiRequest(
                    method, path, Map.of(), body.getBytes(StandardCharsets.UTF_8), headers, peer))
            .join();
    assertThat(response.json()).doesNotContain("shop-secret").doesNotContain("blog-secret");
    return response;
  }

  private static ApiResponse get(HttpApi api, String path, String authorization) {
    return send(api, "GET", path, authorization, ELSEWHERE, "");
  }

  @Test
  void refusesTheConsoleApiWithoutTheAdminTokenOrWithAWrongOne() {
    HttpApi api = api(Optional.of(TOKEN), false);
    ApiFixture.assertError(get(api, "/console/api/apps", null), 401, "admin token");
    ApiFixture.assertError(get(api, "/console/api/apps", "Bearer " + TOKEN + "x"), 401, "wrong");
    ApiFixture.assertError(get(api, "/console/api/apps", "Basic " + TOKEN), 401, "Bearer");
    ApiFixture.assertError(get(api, "/console/api/apps/shop", null), 401);
    ApiFixture.assertError(get(api, "/console/api/apps/shop/stream", "Bearer nope"), 401);
    ApiFixture.assertError(
        send(api, "POST", "/console/api/apps/shop/events", null, LOOPBACK, "{}"), 401);
    assertThat(monitor.viewers()).isZero();
  }

  @Test
  void listsTheAppsWithTheirKeysButNeverTheirSecretsToTheAdminToken() {
    ApiResponse response =
        get(api(Optional.of(TOKEN), false), "/console/api/apps", "Bearer " + TOKEN);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers()).containsEntry("Cache-Control", "no-store");
    ApiFixture.assertOk(
        response,
        "{\"apps\":[{\"id\":\"shop\",\"key\":\"shop-key\",\"enabled\":true},"
            + "{\"id\":\"blog\",\"key\":\"blog-key\",\"enabled\":true}]}");
  }

  @Test
  void saysWhetherTheLoginIsNeededWithoutAuthentication() {
    ApiFixture.assertOk(
        get(api(Optional.of(TOKEN), false), "/console/api/session", null),
        "{\"login_required\":true}");
    ApiFixture.assertOk(
        send(api(Optional.empty(), true), "GET", "/console/api/session", null, LOOPBACK, ""),
        "{\"login_required\":false}");
  }

  @Test
  void opensToLoopbackClientsOnlyInDevelopmentModeWithoutAToken() {
    HttpApi api = api(Optional.empty(), true);
    assertThat(send(api, "GET", "/console/api/apps", null, LOOPBACK, "").status()).isEqualTo(200);
    ApiFixture.assertError(
        send(api, "GET", "/console/api/apps", null, ELSEWHERE, ""), 401, "loopback");
    ApiResponse forwarded =
        api.handle(
                new ApiRequest(
                    "GET",
                    "/console/api/apps",
                    Map.of(),
                    new byte[0],
                    Map.of("x-forwarded-for", "203.0.113.7"),
                    LOOPBACK))
            .join();
    ApiFixture.assertError(forwarded, 401, "loopback");
  }

  @Test
  void refusesAPageOfAnotherSiteInDevelopmentModeWithoutAToken() {
    HttpApi api = api(Optional.empty(), true);
    ApiResponse rebound =
        api.handle(
                new ApiRequest(
                    "GET",
                    "/console/api/apps",
                    Map.of(),
                    new byte[0],
                    Map.of("host", "attacker.example:6001"),
                    LOOPBACK))
            .join();
    ApiFixture.assertError(rebound, 401, "loopback");
    for (String host : List.of("localhost:6001", "127.0.0.1:6001", "[::1]:6001", "127.0.0.1")) {
      ApiResponse local =
          api.handle(
                  new ApiRequest(
                      "GET", "/console/api/apps", Map.of(), null, Map.of("host", host), LOOPBACK))
              .join();
      assertThat(local.status()).as(host).isEqualTo(200);
    }
    ApiResponse form =
        api.handle(
                new ApiRequest(
                    "POST",
                    "/console/api/apps/shop/events",
                    Map.of(),
                    "{\"channel\":\"c\",\"event\":\"e\",\"data\":\"d\"}"
                        .getBytes(StandardCharsets.UTF_8),
                    Map.of("content-type", "text/plain"),
                    LOOPBACK))
            .join();
    ApiFixture.assertError(form, 415, "application/json");
    assertThat(broker.published).isEmpty();
  }

  @Test
  void reloadsTheConfigurationForTheAdminOnlyAndSaysWhatChanged() {
    HttpApi api = api(Optional.of(TOKEN), false);
    App blog = App.of("blog", "blog-key", "blog-secret");
    App news = App.of("news", "news-key", "news-secret");
    reload = () -> new ReloadableApps.Changes(List.of(blog), List.of(), List.of(news));

    ApiFixture.assertError(send(api, "POST", "/console/api/reload", null, LOOPBACK, "{}"), 401, "");
    ApiResponse reloaded =
        send(api, "POST", "/console/api/reload", "Bearer " + TOKEN, LOOPBACK, "{}");
    assertThat(reloaded.status()).isEqualTo(200);
    assertThat(reloaded.json()).isEqualTo("{\"added\":[\"news\"],\"closed\":[\"blog\"]}");

    reload =
        () -> {
          throw new IllegalArgumentException("Unknown key 'apps[0].secrte' in herald.yml");
        };
    ApiFixture.assertError(
        send(api, "POST", "/console/api/reload", "Bearer " + TOKEN, LOOPBACK, "{}"),
        400,
        "Reload refused, nothing changed: Unknown key 'apps[0].secrte' in herald.yml");
    reload =
        () -> {
          throw new IllegalStateException("it has no configuration to reload");
        };
    ApiFixture.assertError(
        send(api, "POST", "/console/api/reload", "Bearer " + TOKEN, LOOPBACK, "{}"),
        409,
        "it has no configuration to reload");
  }

  @Test
  void isNotThereOutsideDevelopmentModeWithoutAToken() {
    HttpApi api = api(Optional.empty(), false);
    assertThat(send(api, "GET", "/console/", null, LOOPBACK, "").status()).isEqualTo(404);
    assertThat(send(api, "GET", "/console/api/apps", null, LOOPBACK, "").status()).isEqualTo(404);
  }

  @Test
  void servesThePageFilesWithTheirTypesAndCacheHeaders() {
    HttpApi api = api(Optional.of(TOKEN), false);
    ApiResponse page = get(api, "/console/", null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).isEqualTo("text/html; charset=utf-8");
    assertThat(page.json()).contains("<title>Herald debug console</title>");
    assertThat(page.headers())
        .containsEntry("Cache-Control", "no-cache")
        .containsEntry("X-Content-Type-Options", "nosniff")
        .containsKeys("ETag", "Content-Security-Policy");
    assertThat(get(api, "/console/console.js", null).contentType())
        .isEqualTo("text/javascript; charset=utf-8");
    assertThat(get(api, "/console/console.css", null).contentType())
        .isEqualTo("text/css; charset=utf-8");
    ApiResponse redirect = get(api, "/console", null);
    assertThat(redirect.status()).isEqualTo(308);
    assertThat(redirect.headers()).containsEntry("Location", "console/");

    Map<String, String> revalidate = Map.of("if-none-match", page.headers().get("ETag"));
    ApiResponse unchanged =
        api.handle(new ApiRequest("GET", "/console/", Map.of(), null, revalidate, ELSEWHERE))
            .join();
    assertThat(unchanged.status()).isEqualTo(304);
    assertThat(unchanged.json()).isEmpty();
  }

  @Test
  void refusesEveryPathOutsideThePagesOwnFiles() {
    HttpApi api = api(Optional.of(TOKEN), false);
    for (String path :
        List.of(
            "/console/../logback.xml",
            "/console/..",
            "/console/%2e%2e/logback.xml",
            "/console/./index.html",
            "/console//index.html",
            "/console/index.html/",
            "/console/dev/herald/server/HeraldServer.class",
            "/console/../../../../etc/passwd",
            "/console/..\\..\\logback.xml",
            "/console/logback.xml",
            "/console/console.js%00.html")) {
      ApiResponse response = get(api, path, null);
      assertThat(response.status()).as(path).isEqualTo(404);
      assertThat(response.json()).as(path).doesNotContain("<configuration").doesNotContain("root:");
    }
  }

  @Test
  void snapshotsOneAppsChannelsMembersAndCountsAndNothingOfAnotherApp() {
    HttpApi api = api(Optional.of(TOKEN), false);
    occupancy.added("shop", "orders");
    occupancy.added("shop", "orders");
    occupancy.added("shop", "presence-staff");
    presence.join("shop", "presence-staff", "1.1", new Member("kenji", null), 100);
    occupancy.added("blog", "blog-only");
    presence.join("blog", "presence-blog", "2.2", new Member("blogger", null), 100);

    ApiResponse response = get(api, "/console/api/apps/shop", "Bearer " + TOKEN);
    assertThat(response.status()).as(response.json()).isEqualTo(200);
    JsonNode body = ApiFixture.json(response);
    assertThat(body.path("app_id").asText()).isEqualTo("shop");
    assertThat(body.path("connections").asInt()).isEqualTo(2);
    assertThat(body.path("messages").path("received").asLong()).isEqualTo(7);
    assertThat(body.path("channels_total").asInt()).isEqualTo(2);
    assertThat(body.path("channels").toString())
        .isEqualTo(
            "[{\"name\":\"orders\",\"subscription_count\":2},"
                + "{\"name\":\"presence-staff\",\"subscription_count\":1,\"user_count\":1,"
                + "\"members\":[{\"user_id\":\"kenji\"}]}]");
    assertThat(response.json()).doesNotContain("blog");
    ApiFixture.assertError(get(api, "/console/api/apps/nope", "Bearer " + TOKEN), 404, "nope");
  }

  @Test
  void sendsATestEventThroughThePublisherAndShowsItToThatAppsViewersOnly() {
    HttpApi api = api(Optional.of(TOKEN), false);
    List<String> shopSeen = new java.util.ArrayList<>();
    List<String> blogSeen = new java.util.ArrayList<>();
    var shop = monitor.subscribe("shop", () -> {});
    var blog = monitor.subscribe("blog", () -> {});

    ApiResponse sent =
        send(
            api,
            "POST",
            "/console/api/apps/shop/events",
            "Bearer " + TOKEN,
            ELSEWHERE,
            "{\"channel\":\"orders\",\"event\":\"order-placed\",\"data\":\"{\\\"id\\\":1}\"}");

    ApiFixture.assertOk(sent, "{}");
    assertThat(broker.published).hasSize(1);
    assertThat(broker.published.get(0).appId()).isEqualTo("shop");
    assertThat(broker.published.get(0).channel()).isEqualTo("orders");
    shop.drain().events().forEach(e -> shopSeen.add(e.json()));
    blog.drain().events().forEach(e -> blogSeen.add(e.json()));
    assertThat(shopSeen).singleElement().asString().contains("\"event\":\"order-placed\"");
    assertThat(blogSeen).isEmpty();
  }

  @Test
  void refusesAnInvalidTestEventAsTheHttpApiWould() {
    HttpApi api = api(Optional.of(TOKEN), false);
    String auth = "Bearer " + TOKEN;
    ApiFixture.assertError(
        send(
            api,
            "POST",
            "/console/api/apps/shop/events",
            auth,
            ELSEWHERE,
            "{\"channel\":\"bad channel\",\"event\":\"e\",\"data\":\"x\"}"),
        400,
        "Invalid channel");
    ApiFixture.assertError(
        send(api, "POST", "/console/api/apps/shop/events", auth, ELSEWHERE, "{\"channel\":\"c\"}"),
        400,
        "event");
    assertThat(broker.published).isEmpty();
  }

  private static InetAddress address(String ip) {
    try {
      return InetAddress.getByName(ip);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
