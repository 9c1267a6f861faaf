package dev.herald.server.api;

import static dev.herald.server.api.ApiFixture.assertError;
import static dev.herald.server.api.ApiFixture.assertOk;
import static dev.herald.server.api.ApiFixture.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code info} on {@code POST /apps/{app_id}/events}: counts per channel after publishing. */
class EventInfoTest {
  private static final String PATH = "/apps/3/events";

  private final ApiFixture api = new ApiFixture();

  @Test
  void answersInfoForEachChannelWithUserCountOnlyForPresenceChannels() {
    api.join("presence-room", "1.1", "alice");
    api.join("presence-room", "1.2", "alice");
    api.join("presence-room", "1.3", "bob");
    api.subscribe("lobby", "1.4");
    api.subscribe("lobby", "1.5");

    ApiResponse response =
        api.post(
            PATH,
            body(
                "name", "e",
                "channels", List.of("presence-room", "lobby", "empty"),
                "data", "x",
                "info", "user_count,subscription_count"));

    assertOk(
        response,
        "{\"channels\":{"
            + "\"presence-room\":{\"user_count\":2,\"subscription_count\":3},"
            + "\"lobby\":{\"subscription_count\":2},"
            + "\"empty\":{\"subscription_count\":0}}}");
  }

  @Test
  void answersOnlyTheRequestedAttribute() {
    api.join("presence-room", "1.1", "alice");
    assertOk(
        api.post(
            PATH,
            body(
                "name",
                "e",
                "channels",
                List.of("presence-room", "x"),
                "data",
                "x",
                "info",
                "user_count")),
        "{\"channels\":{\"presence-room\":{\"user_count\":1},\"x\":{}}}");
  }

  @Test
  void rejectsUserCountWhenNoChannelIsAPresenceChannel() {
    assertError(
        api.post(
            PATH,
            body(
                "name",
                "e",
                "channels",
                List.of("a", "private-b"),
                "data",
                "x",
                "info",
                "user_count")),
        400,
        "Field 'info' asks for user_count, which only presence channels have");
    assertThat(api.broker.published).isEmpty();
  }

  @Test
  void rejectsUnknownInfoAttributes() {
    assertError(
        api.post(
            PATH,
            body("name", "e", "channel", "a", "data", "x", "info", "subscription_count,colour")),
        400,
        "Unknown attribute 'colour' in 'info'; supported: user_count, subscription_count, cache");
  }

  @Test
  void refusesCacheInfoOnEvents() {
    assertError(
        api.post(PATH, body("name", "e", "channel", "cache-a", "data", "x", "info", "cache")),
        400,
        "Field 'info' asks for cache, which only GET /channels/{channel} answers");
  }
}
