package dev.herald.server.api;

import static dev.herald.server.api.ApiFixture.assertError;
import static dev.herald.server.api.ApiFixture.assertOk;

import dev.herald.server.api.ApiFixture.FakeSubscriber;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The channel queries: {@code /channels}, {@code /channels/{channel}} and its {@code /users}. */
class ChannelsEndpointTest {
  private static final String LIST = "/apps/3/channels";

  private final ApiFixture api = new ApiFixture();

  @Test
  void listsOccupiedChannelsOnly() {
    api.subscribe("lobby", "1.1");
    FakeSubscriber gone = api.subscribe("left", "1.2");
    api.unsubscribe("left", gone);
    api.join("presence-room", "1.3", "alice");

    assertOk(api.get(LIST, Map.of()), "{\"channels\":{\"lobby\":{},\"presence-room\":{}}}");
  }

  @Test
  void listsNothingWhenNoChannelIsOccupied() {
    assertOk(api.get(LIST, Map.of()), "{\"channels\":{}}");
  }

  @Test
  void doesNotListInternalChannels() {
    api.subscribe("#server-to-user-1", "1.1");
    api.subscribe("lobby", "1.1");
    assertOk(api.get(LIST, Map.of()), "{\"channels\":{\"lobby\":{}}}");
  }

  @Test
  void filtersByPrefix() {
    api.subscribe("private-a", "1.1");
    api.subscribe("private-b", "1.2");
    api.subscribe("public", "1.3");
    assertOk(
        api.get(LIST, Map.of("filter_by_prefix", "private-")),
        "{\"channels\":{\"private-a\":{},\"private-b\":{}}}");
  }

  @Test
  void answersSubscriptionCounts() {
    api.subscribe("a", "1.1");
    api.subscribe("a", "1.2");
    api.subscribe("b", "1.3");
    assertOk(
        api.get(LIST, Map.of("info", "subscription_count")),
        "{\"channels\":{\"a\":{\"subscription_count\":2},\"b\":{\"subscription_count\":1}}}");
  }

  @Test
  void answersUserCountsWhenFilteringByPresence() {
    api.join("presence-room", "1.1", "alice");
    api.join("presence-room", "1.2", "alice");
    api.join("presence-room", "1.3", "bob");
    api.subscribe("lobby", "1.4");
    assertOk(
        api.get(
            LIST, Map.of("filter_by_prefix", "presence-", "info", "user_count,subscription_count")),
        "{\"channels\":{\"presence-room\":{\"user_count\":2,\"subscription_count\":3}}}");
  }

  @Test
  void rejectsUserCountWithoutAPresenceFilter() {
    assertError(
        api.get(LIST, Map.of("info", "user_count")),
        400,
        "info=user_count needs filter_by_prefix to start with 'presence-'");
    assertError(
        api.get(LIST, Map.of("info", "user_count", "filter_by_prefix", "private-")),
        400,
        "info=user_count needs filter_by_prefix");
  }

  @Test
  void rejectsUnknownInfoAttributesInTheList() {
    assertError(
        api.get(LIST, Map.of("info", "members")), 400, "Unknown attribute 'members' in 'info'");
  }

  @Test
  void showsAnUnoccupiedChannel() {
    assertOk(api.get(LIST + "/lobby", Map.of()), "{\"occupied\":false}");
    assertOk(
        api.get(LIST + "/lobby", Map.of("info", "subscription_count")),
        "{\"occupied\":false,\"subscription_count\":0}");
  }

  @Test
  void showsAnOccupiedChannelWithItsCounts() {
    api.subscribe("lobby", "1.1");
    api.join("presence-room", "1.2", "alice");
    api.join("presence-room", "1.3", "bob");
    assertOk(
        api.get(LIST + "/lobby", Map.of("info", "subscription_count")),
        "{\"occupied\":true,\"subscription_count\":1}");
    assertOk(
        api.get(LIST + "/presence-room", Map.of("info", "user_count,subscription_count")),
        "{\"occupied\":true,\"user_count\":2,\"subscription_count\":2}");
  }

  @Test
  void rejectsUserCountForANonPresenceChannel() {
    assertError(
        api.get(LIST + "/private-x", Map.of("info", "user_count")),
        400,
        "info=user_count applies only to presence channels, and 'private-x' is not one");
  }

  @Test
  void rejectsAnInvalidChannelName() {
    assertError(
        api.get(LIST + "/bad name", Map.of()),
        400,
        "Invalid channel 'bad name' in 'path'",
        "characters outside");
    assertError(api.get(LIST + "/#server-to-user-1/users", Map.of()), 400, "reserved for internal");
  }

  @Test
  void listsPresenceUsersOncePerUser() {
    api.join("presence-room", "1.1", "1");
    api.join("presence-room", "1.2", "2");
    api.join("presence-room", "1.3", "1");
    assertOk(
        api.get(LIST + "/presence-room/users", Map.of()),
        "{\"users\":[{\"id\":\"1\"},{\"id\":\"2\"}]}");
  }

  @Test
  void listsNoUsersOfAnEmptyPresenceChannel() {
    assertOk(api.get(LIST + "/presence-empty/users", Map.of()), "{\"users\":[]}");
  }

  @Test
  void rejectsUsersOfANonPresenceChannel() {
    assertError(
        api.get(LIST + "/private-x/users", Map.of()),
        400,
        "'private-x' is not a presence channel; only presence channels have users");
  }
}
