package dev.herald.server.api;

import static dev.herald.server.api.ApiFixture.assertError;
import static dev.herald.server.api.ApiFixture.assertOk;
import static dev.herald.server.api.ApiFixture.body;
import static dev.herald.server.api.ApiFixture.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.server.api.ApiFixture.FakeSubscriber;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /apps/{app_id}/events}. */
class EventsEndpointTest {
  private static final String PATH = "/apps/3/events";

  private final ApiFixture api = new ApiFixture();

  @Test
  void deliversTheEventToEverySubscriberOfEveryChannel() {
    FakeSubscriber a = api.subscribe("a", "1.1");
    FakeSubscriber b = api.subscribe("b", "1.2");
    FakeSubscriber other = api.subscribe("c", "1.3");

    assertOk(
        api.post(PATH, body("name", "greet", "channels", List.of("a", "b"), "data", "hi")), "{}");

    assertThat(a.received)
        .containsExactly(parse("{\"event\":\"greet\",\"channel\":\"a\",\"data\":\"hi\"}"));
    assertThat(b.received)
        .containsExactly(parse("{\"event\":\"greet\",\"channel\":\"b\",\"data\":\"hi\"}"));
    assertThat(other.received).isEmpty();
  }

  @Test
  void acceptsASingleChannelField() {
    FakeSubscriber a = api.subscribe("private-a", "1.1");
    assertOk(api.post(PATH, body("name", "e", "channel", "private-a", "data", "{}")), "{}");
    assertThat(a.received).hasSize(1);
  }

  @Test
  void excludesTheSocketIdFromDeliveryOnEveryChannel() {
    FakeSubscriber sender = api.subscribe("a", "1.1");
    api.subscribe("b", "1.1");
    FakeSubscriber first = api.subscribe("a", "2.2");
    FakeSubscriber second = api.subscribe("b", "3.3");

    String event =
        body("name", "e", "channels", List.of("a", "b"), "data", "x", "socket_id", "1.1");
    assertOk(api.post(PATH, event), "{}");

    assertThat(sender.received).isEmpty();
    assertThat(first.received).hasSize(1);
    assertThat(second.received).hasSize(1);
    assertThat(api.broker.published).allMatch(m -> "1.1".equals(m.exceptSocketId()));
  }

  @Test
  void sendsARepeatedChannelOnce() {
    FakeSubscriber a = api.subscribe("a", "1.1");
    assertOk(api.post(PATH, body("name", "e", "channels", List.of("a", "a"), "data", "x")), "{}");
    assertThat(a.received).hasSize(1);
  }

  @Test
  void rejectsMoreThan100Channels() {
    List<String> channels = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      channels.add("c" + i);
    }
    assertError(
        api.post(PATH, body("name", "e", "channels", channels, "data", "x")),
        400,
        "Field 'channels' has 101 channels; the limit is 100");
    assertOk(
        api.post(PATH, body("name", "e", "channels", channels.subList(0, 100), "data", "x")), "{}");
    assertThat(api.broker.published).hasSize(100);
  }

  @Test
  void rejectsEventNameLongerThan200Characters() {
    assertError(
        api.post(PATH, body("name", "n".repeat(201), "channel", "a", "data", "x")),
        400,
        "Field 'name' is 201 characters long; the limit is 200");
    assertOk(api.post(PATH, body("name", "n".repeat(200), "channel", "a", "data", "x")), "{}");
  }

  @Test
  void rejectsDataOver10KilobytesWith413() {
    String tooBig = "é".repeat(5121); // 10242 bytes in UTF-8, 5121 characters
    assertError(
        api.post(PATH, body("name", "e", "channel", "a", "data", tooBig)),
        413,
        "Field 'data' is 10242 bytes; the limit is 10240 bytes");
    assertOk(api.post(PATH, body("name", "e", "channel", "a", "data", "x".repeat(10240))), "{}");
  }

  @Test
  void rejectsDataThatIsNotAString() {
    assertError(
        api.post(PATH, body("name", "e", "channel", "a", "data", Map.of("some", "data"))),
        400,
        "Field 'data' must be a string, not an object");
  }

  @Test
  void rejectsMissingOrEmptyFields() {
    assertError(
        api.post(PATH, body("channel", "a", "data", "x")), 400, "Missing required field 'name'");
    assertError(
        api.post(PATH, body("name", "e", "channel", "a")), 400, "Missing required field 'data'");
    assertError(
        api.post(PATH, body("name", "", "channel", "a", "data", "x")),
        400,
        "'name' must not be empty");
    assertError(
        api.post(PATH, body("name", "e", "data", "x")),
        400,
        "Missing required field 'channels' (or 'channel')");
    assertError(
        api.post(PATH, body("name", "e", "channels", List.of(), "data", "x")),
        400,
        "Field 'channels' must not be empty");
  }

  @Test
  void rejectsBothChannelAndChannels() {
    assertError(
        api.post(PATH, body("name", "e", "channel", "a", "channels", List.of("b"), "data", "x")),
        400,
        "Send either 'channel' or 'channels', not both");
  }

  @Test
  void rejectsFieldsOfTheWrongType() {
    assertError(
        api.post(PATH, body("name", 7, "channel", "a", "data", "x")),
        400,
        "Field 'name' must be a string, not a number");
    assertError(
        api.post(PATH, body("name", "e", "channels", "a", "data", "x")),
        400,
        "Field 'channels' must be an array, not a string");
    assertError(
        api.post(PATH, body("name", "e", "channels", List.of("a", 5), "data", "x")),
        400,
        "Field 'channels[1]' must be a string, not a number");
    assertError(
        api.post(PATH, body("name", "e", "channel", "a", "data", "x", "socket_id", 1.1)),
        400,
        "Field 'socket_id' must be a string, not a number");
    assertError(
        api.post(
            PATH, body("name", "e", "channel", "a", "data", "x", "info", List.of("user_count"))),
        400,
        "Field 'info' must be a string, not an array");
  }

  @Test
  void rejectsAnInvalidChannelNamingItAndWhatIsWrong() {
    assertError(
        api.post(PATH, body("name", "e", "channels", List.of("ok", "bad channel!"), "data", "x")),
        400,
        "Invalid channel 'bad channel!' in 'channels[1]'",
        "characters outside");
    assertError(
        api.post(PATH, body("name", "e", "channel", "c".repeat(201), "data", "x")),
        400,
        "in 'channel'",
        "201 characters long; the limit is 200");
  }

  @Test
  void publishesNothingWhenAnyChannelIsInvalid() {
    FakeSubscriber a = api.subscribe("a", "1.1");
    api.post(PATH, body("name", "e", "channels", List.of("a", "#private-x"), "data", "x"));
    assertThat(a.received).isEmpty();
    assertThat(api.broker.published).isEmpty();
  }

  @Test
  void rejectsAnInvalidSocketId() {
    assertError(
        api.post(PATH, body("name", "e", "channel", "a", "data", "x", "socket_id", "1.1:evil")),
        400,
        "Field 'socket_id' is not a socket id: '1.1:evil'");
    assertThat(api.broker.published).isEmpty();
  }

  @Test
  void rejectsBodiesThatAreNotOneJsonObject() {
    assertError(api.post(PATH, "{\"name\": "), 400, "Malformed JSON body", "line 1");
    assertError(api.post(PATH, "[1, 2]"), 400, "must be a JSON object, not an array");
    assertError(api.post(PATH, "\"text\""), 400, "must be a JSON object, not a string");
    assertError(api.post(PATH, "{} {}"), 400, "Malformed JSON body");
    assertError(
        api.post(PATH, "{\"name\":\"a\",\"name\":\"b\",\"channel\":\"c\",\"data\":\"x\"}"),
        400,
        "Malformed JSON body",
        "Duplicate field 'name'");
    assertError(api.post(PATH, ""), 400, "The request body is empty");
    assertError(api.post(PATH, "   "), 400, "The request body is empty");
  }

  @Test
  void ignoresUnknownFieldsAndNullOptionals() {
    assertOk(
        api.post(
            PATH,
            body(
                "name",
                "e",
                "channel",
                "a",
                "data",
                "x",
                "tags",
                Map.of(),
                "socket_id",
                null,
                "info",
                null)),
        "{}");
  }
}
