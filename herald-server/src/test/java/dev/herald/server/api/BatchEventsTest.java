package dev.herald.server.api;

import static dev.herald.server.api.ApiFixture.assertError;
import static dev.herald.server.api.ApiFixture.assertOk;
import static dev.herald.server.api.ApiFixture.body;
import static dev.herald.server.api.ApiFixture.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.server.api.ApiFixture.FakeSubscriber;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /apps/{app_id}/batch_events}. */
class BatchEventsTest {
  private static final String PATH = "/apps/3/batch_events";

  private final ApiFixture api = new ApiFixture();

  @Test
  void publishesEveryEventInOrder() {
    FakeSubscriber a = api.subscribe("a", "1.1");
    FakeSubscriber b = api.subscribe("b", "1.2");

    assertOk(
        api.post(
            PATH, batch(event("one", "a", "1"), event("two", "b", "2"), event("three", "a", "3"))),
        "{}");

    assertThat(a.received)
        .containsExactly(
            parse("{\"event\":\"one\",\"channel\":\"a\",\"data\":\"1\"}"),
            parse("{\"event\":\"three\",\"channel\":\"a\",\"data\":\"3\"}"));
    assertThat(b.received)
        .containsExactly(parse("{\"event\":\"two\",\"channel\":\"b\",\"data\":\"2\"}"));
  }

  @Test
  void rejectsMoreThan10Events() {
    List<Map<String, Object>> events = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      events.add(event("e", "c" + i, "x"));
    }
    assertError(
        api.post(PATH, body("batch", events)), 400, "Field 'batch' has 11 events; the limit is 10");
    assertThat(api.broker.published).isEmpty();
    assertOk(api.post(PATH, body("batch", events.subList(0, 10))), "{}");
    assertThat(api.broker.published).hasSize(10);
  }

  @Test
  void rejectsAMissingEmptyOrMistypedBatch() {
    assertError(api.post(PATH, body("events", List.of())), 400, "Missing required field 'batch'");
    assertError(api.post(PATH, body("batch", List.of())), 400, "Field 'batch' must not be empty");
    assertError(
        api.post(PATH, body("batch", Map.of())),
        400,
        "Field 'batch' must be an array, not an object");
    assertError(
        api.post(PATH, body("batch", List.of("e"))),
        400,
        "Field 'batch[0]' must be an object, not a string");
  }

  @Test
  void publishesNothingWhenAnyEventIsInvalid() {
    FakeSubscriber a = api.subscribe("a", "1.1");
    assertError(
        api.post(
            PATH, batch(event("e", "a", "x"), event("e", "a", "x"), event("e", "no spaces", "x"))),
        400,
        "Invalid channel 'no spaces' in 'batch[2].channel'");
    assertThat(a.received).isEmpty();
    assertThat(api.broker.published).isEmpty();
  }

  @Test
  void namesTheItemIndexInEveryError() {
    Map<String, Object> noName = event("e", "a", "x");
    noName.remove("name");
    assertError(
        api.post(PATH, batch(event("e", "a", "x"), noName)),
        400,
        "Missing required field 'batch[1].name'");
    assertError(
        api.post(PATH, batch(event("e", "a", "x".repeat(10241)))),
        413,
        "Field 'batch[0].data' is 10241 bytes; the limit is 10240 bytes");
    assertError(
        api.post(PATH, batch(event("n".repeat(201), "a", "x"))),
        400,
        "Field 'batch[0].name' is 201 characters long");
    Map<String, Object> badSocket = event("e", "a", "x");
    badSocket.put("socket_id", "abc");
    assertError(
        api.post(PATH, batch(badSocket)), 400, "Field 'batch[0].socket_id' is not a socket id");
  }

  @Test
  void rejectsAChannelsArrayInABatchEvent() {
    Map<String, Object> event = event("e", "a", "x");
    event.remove("channel");
    event.put("channels", List.of("a", "b"));
    assertError(
        api.post(PATH, batch(event)),
        400,
        "Field 'batch[0].channels' is not allowed in a batch: each batch event has one 'channel'");
  }

  @Test
  void excludesEachEventsSocketId() {
    FakeSubscriber sender = api.subscribe("a", "1.1");
    FakeSubscriber other = api.subscribe("a", "2.2");
    Map<String, Object> fromSender = event("e", "a", "1");
    fromSender.put("socket_id", "1.1");

    assertOk(api.post(PATH, batch(fromSender, event("e", "a", "2"))), "{}");

    assertThat(sender.received).extracting(n -> n.get("data").asText()).containsExactly("2");
    assertThat(other.received).extracting(n -> n.get("data").asText()).containsExactly("1", "2");
  }

  @Test
  void answersInfoAlignedWithTheEvents() {
    api.join("presence-room", "1.1", "alice");
    api.join("presence-room", "1.2", "bob");
    api.subscribe("lobby", "1.3");
    Map<String, Object> room = event("e", "presence-room", "x");
    room.put("info", "user_count,subscription_count");
    Map<String, Object> lobby = event("e", "lobby", "x");
    lobby.put("info", "subscription_count");

    assertOk(
        api.post(PATH, batch(room, event("e", "lobby", "x"), lobby)),
        "{\"batch\":[{\"user_count\":2,\"subscription_count\":2},{},{\"subscription_count\":1}]}");
  }

  @Test
  void rejectsUserCountForANonPresenceEvent() {
    Map<String, Object> lobby = event("e", "lobby", "x");
    lobby.put("info", "user_count");
    assertError(
        api.post(PATH, batch(event("e", "presence-a", "x"), lobby)),
        400,
        "Field 'batch[1].info' asks for user_count");
    assertThat(api.broker.published).isEmpty();
  }

  private static Map<String, Object> event(String name, String channel, String data) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("name", name);
    event.put("channel", channel);
    event.put("data", data);
    return event;
  }

  private static String batch(Object... events) {
    return body("batch", List.of(events));
  }
}
