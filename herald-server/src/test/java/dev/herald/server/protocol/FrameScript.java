package dev.herald.server.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.PusherJson;
import dev.herald.pusher.Signatures;
import dev.herald.server.app.App;
import dev.herald.server.presence.Member;
import dev.herald.server.testing.FakeConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A fuzz input read as a client session and played against {@link PusherProtocol#onMessage} on two
 * fake connections of one app, checking every reply. One line is one step:
 *
 * <ul>
 *   <li>a text frame sent by the first connection, or by the second when the line starts with
 *       {@code 2:};
 *   <li>{@code tick}: one second passes (timers run, then the liveness check of both);
 *   <li>{@code app: KEY} as the first line: the session's app, one of {@link ProtocolFixture}'s
 *       (default {@code app-key}).
 * </ul>
 *
 * When both connections have closed, nothing of theirs may be left: no subscriber, occupancy or
 * presence member. In a frame, {@code $sign} is replaced by the correct {@code auth} for what the
 * frame subscribes to or signs in with, so the fuzzer reaches what lies behind the signature
 * checks.
 */
final class FrameScript {
  private static final Map<String, App> APPS =
      Stream.of(
              ProtocolFixture.APP,
              ProtocolFixture.NO_CLIENT_EVENTS,
              ProtocolFixture.SMALL,
              ProtocolFixture.TIGHT,
              ProtocolFixture.FEATURES,
              ProtocolFixture.AUTHORIZED)
          .collect(Collectors.toMap(App::key, Function.identity()));
  private static final Set<Integer> ERROR_CODES =
      Arrays.stream(PusherError.values()).map(PusherError::code).collect(Collectors.toSet());

  /** A client sending at twice messages_per_second is closed (§ rate limits, 4100). */
  private static final Set<PusherError> MESSAGE_CLOSES = EnumSet.of(PusherError.OVER_CAPACITY);

  /** The liveness check closes silent clients and, where required, unauthorized ones. */
  private static final Set<PusherError> LIVENESS_CLOSES =
      EnumSet.of(PusherError.OVER_CAPACITY, PusherError.PONG_TIMEOUT, PusherError.UNAUTHORIZED);

  private static final String SIGN = "$sign";

  private final ProtocolFixture fixture = new ProtocolFixture();
  private final List<String> lines;
  private final Set<String> channels = new HashSet<>();

  FrameScript(byte[] input) {
    this.lines = new String(input, StandardCharsets.UTF_8).lines().toList();
  }

  /** Plays every step; throws {@link AssertionError} on the first reply that breaks a rule. */
  void play() {
    App app = ProtocolFixture.APP;
    int first = 0;
    if (!lines.isEmpty() && lines.get(0).startsWith("app: ")) {
      app = APPS.getOrDefault(lines.get(0).substring(5).strip(), app);
      first = 1;
    }
    FakeConnection one = fixture.connect(app);
    FakeConnection two = fixture.connect(app);
    for (String line : lines.subList(first, lines.size())) {
      if (line.equals("tick")) {
        fixture.clock.advance(Duration.ofSeconds(1));
        fixture.scheduler.runDue();
        liveness(one);
        liveness(two);
      } else if (line.startsWith("2:")) {
        send(two, line.substring(2));
      } else {
        send(one, line);
      }
      check(one);
      check(two);
    }
    fixture.protocol.onClose(one);
    fixture.protocol.onClose(two);
    checkNothingLeftBehind(app);
  }

  /** Once every connection closed, no subscription, occupancy or presence member remains. */
  private void checkNothingLeftBehind(App app) {
    fixture.scheduler.runDue();
    Map<String, Integer> local = fixture.channels.channels(app.id());
    Map<String, Integer> occupied = fixture.cluster.occupancy().channels(app.id()).join();
    if (!local.isEmpty() || !occupied.isEmpty()) {
      throw new AssertionError("left behind: subscribers " + local + ", occupancy " + occupied);
    }
    for (String channel : channels) {
      List<Member> members = fixture.presence.members(app.id(), channel).join();
      if (!members.isEmpty()) {
        throw new AssertionError("left behind in " + channel + ": " + members);
      }
    }
  }

  private void send(FakeConnection conn, String frame) {
    // A closed socket delivers nothing more.
    if (conn.closedWith != null) {
      return;
    }
    channels.addAll(channelsIn(frame));
    fixture.send(conn, frame.contains(SIGN) ? frame.replace(SIGN, auth(conn, frame)) : frame);
    allowClose(conn, MESSAGE_CLOSES, frame);
  }

  private void liveness(FakeConnection conn) {
    if (conn.closedWith == null) {
      fixture.protocol.checkLiveness(conn);
      allowClose(conn, LIVENESS_CLOSES, "tick");
    }
  }

  private static void allowClose(FakeConnection conn, Set<PusherError> allowed, String step) {
    if (conn.closedWith != null && !allowed.contains(conn.closedWith)) {
      throw new AssertionError(
          "closed with " + conn.closedWith + " (" + conn.closeMessage + ") after " + step);
    }
  }

  /** Every message sent so far is a JSON event; every pusher:error has a documented code. */
  private static void check(FakeConnection conn) {
    for (JsonNode message : conn.messages()) {
      if (!message.isObject() || !message.path("event").isTextual()) {
        throw new AssertionError("not a Pusher event: " + message);
      }
      if (message.path("event").asText().equals(PusherJson.ERROR)) {
        JsonNode data = message.path("data");
        if (!ERROR_CODES.contains(data.path("code").asInt()) || !data.path("message").isTextual()) {
          throw new AssertionError("undocumented pusher:error " + message);
        }
      }
    }
    conn.clear();
  }

  /** The channel a frame names in its data (an object, or a string holding one), if any. */
  private static Set<String> channelsIn(String frame) {
    Set<String> found = new HashSet<>();
    try {
      JsonNode data = PusherJson.mapper().readTree(frame).path("data");
      if (data.isTextual()) {
        data = PusherJson.mapper().readTree(data.asText());
      }
      if (data != null && data.path("channel").isTextual()) {
        found.add(data.path("channel").asText());
      }
    } catch (Exception notJson) {
      // No channel to look at afterwards.
    }
    return found;
  }

  /** The auth a correct app server would give for this subscribe or signin frame. */
  private static String auth(FakeConnection conn, String frame) {
    App app = conn.app();
    JsonNode data;
    try {
      data = PusherJson.mapper().readTree(frame.replace(SIGN, "")).path("data");
    } catch (Exception notJson) {
      return "";
    }
    JsonNode channel = data.path("channel");
    if (channel.isTextual()) {
      JsonNode channelData = data.path("channel_data");
      return Signatures.channelAuth(
          app.key(),
          app.secret(),
          conn.socketId(),
          channel.asText(),
          channelData.isTextual() ? channelData.asText() : null);
    }
    JsonNode userData = data.path("user_data");
    return userData.isTextual()
        ? Signatures.userAuth(app.key(), app.secret(), conn.socketId(), userData.asText())
        : "";
  }
}
