package dev.herald;

import static org.assertj.core.api.Assertions.assertThat;

import com.pusher.rest.PusherAbstract;
import com.pusher.rest.data.Event;
import dev.herald.StubApiServer.Request;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Our requests against those of the official {@code com.pusher:pusher-http-java} for the same
 * inputs (credentials, timestamp, event): same body, same {@code body_md5}, same {@code
 * auth_signature}. So our signing cannot be wrong in a way the server's verification shares.
 */
class PusherHttpJavaSignatureTest {
  private final StubApiServer stub = new StubApiServer();
  private final CapturingPusher pusher = new CapturingPusher();

  @AfterEach
  void stop() {
    stub.close();
  }

  @Test
  void signsATriggerExactlyAsPusherHttpJava() {
    pusher.trigger(
        List.of("orders", "private-orders.42"), "order.shipped", Map.of("id", 42), "12.34");
    Request ours =
        send(
            pusher.timestamp(),
            b ->
                b.on(Channel.publicChannel("orders"), Channel.privateChannel("orders.42"))
                    .as("order.shipped")
                    .withJson("{\"id\":42}")
                    .toOthers("12.34")
                    .send());
    assertSameRequest(ours);
  }

  @Test
  void signsABatchExactlyAsPusherHttpJava() {
    pusher.trigger(
        List.of(
            new Event("orders", "one", Map.of("n", 1)),
            new Event("news", "two", Map.of("n", 2), "5.6")));
    Request ours =
        send(
            pusher.timestamp(),
            b ->
                b.broadcastAll(
                    List.of(
                        Broadcast.of(List.of(Channel.of("orders")), "one", "{\"n\":1}"),
                        Broadcast.of(List.of(Channel.of("news")), "two", "{\"n\":2}")
                            .toOthers("5.6"))));
    assertSameRequest(ours);
  }

  @Test
  void signsAChannelQueryExactlyAsPusherHttpJava() {
    pusher.get("/channels", Map.of("filter_by_prefix", "presence-", "info", "user_count"));
    Request ours =
        send(
            pusher.timestamp(),
            b -> b.channels("presence-", ChannelAttribute.USER_COUNT).thenApply(x -> null));
    assertSameRequest(ours);
  }

  private void assertSameRequest(Request ours) {
    assertThat(ours.path()).isEqualTo(pusher.uri.getPath());
    assertThat(ours.body()).isEqualTo(pusher.body);
    Map<String, String> theirs = pusher.query();
    assertThat(ours.query().get("body_md5")).isEqualTo(theirs.get("body_md5"));
    assertThat(ours.query().get("auth_signature")).isEqualTo(theirs.get("auth_signature"));
    assertThat(ours.query()).isEqualTo(theirs);
  }

  /** Sends with our broadcaster at the given Unix time; returns the request the stub received. */
  private Request send(
      long timestamp,
      java.util.function.Function<HttpBroadcaster, java.util.concurrent.CompletableFuture<Void>>
          what) {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(timestamp), ZoneOffset.UTC);
    try (HttpBroadcaster broadcaster = stub.broadcaster().clock(clock).build()) {
      what.apply(broadcaster).orTimeout(10, TimeUnit.SECONDS).join();
    }
    assertThat(stub.requests()).hasSize(1);
    return stub.requests().get(0);
  }

  /** The official library, its HTTP calls captured instead of sent. */
  private static final class CapturingPusher extends PusherAbstract<Void> {
    URI uri;
    String body = "";

    CapturingPusher() {
      super(StubApiServer.APP_ID, StubApiServer.KEY, StubApiServer.SECRET);
    }

    @Override
    protected Void doGet(URI uri) {
      this.uri = uri;
      return null;
    }

    @Override
    protected Void doPost(URI uri, String body) {
      this.uri = uri;
      this.body = body;
      return null;
    }

    Map<String, String> query() {
      Map<String, String> query = new LinkedHashMap<>();
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        query.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
      }
      return query;
    }

    long timestamp() {
      return Long.parseLong(query().get("auth_timestamp"));
    }

    private static String decode(String s) {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
  }
}
