package dev.herald.server.api;

import static dev.herald.server.api.ApiFixture.assertError;
import static dev.herald.server.api.ApiFixture.assertOk;
import static dev.herald.server.api.ApiFixture.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.server.api.ApiFixture.FakeSubscriber;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Send-to-user, terminate and cache channels through the HTTP API. */
class ParityEndpointsTest {
  private static final String EVENTS = "/apps/3/events";
  private final ApiFixture api = new ApiFixture();

  @Test
  void publishesToServerToUserChannelsWhoseIdsNeedNoChannelCharset() {
    FakeSubscriber user = api.subscribe("#server-to-user-ann+1@example.com", "1.1");
    assertOk(
        api.post(
            EVENTS,
            body("name", "note", "channel", "#server-to-user-ann+1@example.com", "data", "{}")),
        "{}");
    assertThat(user.received).hasSize(1);
    assertError(api.post(EVENTS, body("name", "e", "channel", "#other", "data", "{}")), 400);
  }

  @Test
  void keepsTheLastEventOfACacheChannelAndReportsItWithItsTtl() {
    assertOk(api.post(EVENTS, body("name", "price", "channel", "cache-eur", "data", "1.10")), "{}");
    assertOk(api.post(EVENTS, body("name", "price", "channel", "cache-eur", "data", "1.12")), "{}");
    assertOk(
        api.get("/apps/3/channels/cache-eur", Map.of("info", "cache")),
        "{\"occupied\":false,\"cache\":{\"data\":\"1.12\",\"ttl\":1800}}");
    assertOk(
        api.get("/apps/3/channels/cache-empty", Map.of("info", "cache")), "{\"occupied\":false}");
    assertError(api.get("/apps/3/channels/plain", Map.of("info", "cache")), 400, "cache channels");
    assertError(api.get("/apps/3/channels", Map.of("info", "cache")), 400);
  }

  @Test
  void doesNotCacheOrdinaryChannels() {
    api.post(EVENTS, body("name", "e", "channel", "my-cache-x", "data", "x"));
    assertThat(api.cache.findNow(ApiFixture.APP_ID, "my-cache-x", 0)).isEmpty();
  }

  @Test
  void answersTerminateWithAnEmptyObjectEvenForAnOfflineUser() {
    assertOk(api.post("/apps/3/users/ann/terminate_connections", ""), "{}");
  }
}
