package dev.herald.server.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.PusherJson;
import dev.herald.server.testing.MutableClock;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A {@link WebhookTransport} that records requests and answers as scripted (200 by default). */
final class FakeTransport implements WebhookTransport {
  /** A scripted answer that times out instead of returning a status. */
  static final int TIMEOUT = -1;

  /** A request as it was posted, and when. */
  record Posted(WebhookRequest request, Instant at) {
    JsonNode body() {
      try {
        return PusherJson.mapper().readTree(request.body());
      } catch (IOException e) {
        throw new AssertionError("the body is not JSON", e);
      }
    }

    List<JsonNode> events() {
      List<JsonNode> events = new ArrayList<>();
      body().get("events").forEach(events::add);
      return events;
    }
  }

  private final MutableClock clock;
  private final Deque<Integer> answers = new ArrayDeque<>();
  private final List<Posted> posted = new ArrayList<>();
  private int otherwise = 200;

  FakeTransport(MutableClock clock) {
    this.clock = clock;
  }

  /** The next answers, in order; {@link #TIMEOUT} for a timeout. */
  void answer(int... statuses) {
    for (int status : statuses) {
      answers.add(status);
    }
  }

  /** The answer once the scripted ones are used up. */
  void answerOtherwise(int status) {
    otherwise = status;
  }

  List<Posted> posted() {
    return posted;
  }

  /** Every event of every request, in order. */
  List<JsonNode> events() {
    return posted.stream().flatMap(p -> p.events().stream()).toList();
  }

  @Override
  public int post(WebhookRequest request) throws IOException {
    posted.add(new Posted(request, clock.instant()));
    Integer scripted = answers.poll();
    int status = scripted != null ? scripted : otherwise;
    if (status == TIMEOUT) {
      throw new HttpTimeoutException("request timed out");
    }
    return status;
  }
}
