package dev.herald.server.api;

import static dev.herald.server.api.ApiFixture.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.pusher.rest.PusherAbstract;
import com.pusher.rest.data.Event;
import dev.herald.server.api.ApiFixture.FakeSubscriber;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The official {@code com.pusher:pusher-http-java} signs the requests, so our verification cannot
 * be wrong in the same way as our own signing. Its HTTP calls are handed straight to {@link
 * HttpApi#handle}, without sockets.
 */
class PusherHttpJavaCompatibilityTest {
  private final ApiFixture api = new ApiFixture(Clock.systemUTC());
  private final InProcessPusher pusher = new InProcessPusher(api.api);

  @Test
  void acceptsATriggerSignedByTheOfficialLibrary() {
    FakeSubscriber a = api.subscribe("private-a", "1.1");
    FakeSubscriber b = api.subscribe("presence-b", "1.2");
    FakeSubscriber sender = api.subscribe("presence-b", "1.3");

    ApiResponse response =
        pusher.trigger(List.of("private-a", "presence-b"), "my-event", Map.of("n", 1), "1.3");

    assertThat(response.status()).as(response.json()).isEqualTo(200);
    assertThat(a.received)
        .containsExactly(
            parse("{\"event\":\"my-event\",\"channel\":\"private-a\",\"data\":\"{\\\"n\\\":1}\"}"));
    assertThat(b.received).hasSize(1);
    assertThat(sender.received).isEmpty();
  }

  @Test
  void acceptsABatchSignedByTheOfficialLibrary() {
    FakeSubscriber a = api.subscribe("a", "1.1");
    ApiResponse response =
        pusher.trigger(List.of(new Event("a", "one", "1"), new Event("a", "two", "2")));
    assertThat(response.status()).as(response.json()).isEqualTo(200);
    assertThat(a.received).extracting(n -> n.get("event").asText()).containsExactly("one", "two");
  }

  @Test
  void answersQueriesSignedByTheOfficialLibrary() {
    api.join("presence-room", "1.1", "42");
    ApiResponse list =
        pusher.get("/channels", Map.of("filter_by_prefix", "presence-", "info", "user_count"));
    assertThat(list.json()).isEqualTo("{\"channels\":{\"presence-room\":{\"user_count\":1}}}");
    ApiResponse users = pusher.get("/channels/presence-room/users");
    assertThat(users.json()).isEqualTo("{\"users\":[{\"id\":\"42\"}]}");
  }

  /** The official library with its HTTP client replaced by a direct call. */
  static final class InProcessPusher extends PusherAbstract<ApiResponse> {
    private final HttpApi api;

    InProcessPusher(HttpApi api) {
      super(ApiFixture.APP_ID, ApiFixture.KEY, ApiFixture.SECRET);
      this.api = api;
    }

    @Override
    protected ApiResponse doGet(URI uri) {
      return call("GET", uri, "");
    }

    @Override
    protected ApiResponse doPost(URI uri, String body) {
      return call("POST", uri, body);
    }

    private ApiResponse call(String method, URI uri, String body) {
      Map<String, List<String>> query = new LinkedHashMap<>();
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        query
            .computeIfAbsent(decode(pair.substring(0, eq)), k -> new ArrayList<>())
            .add(decode(pair.substring(eq + 1)));
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      return api.handle(new ApiRequest(method, uri.getPath(), query, bytes)).join();
    }

    private static String decode(String s) {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
  }
}
