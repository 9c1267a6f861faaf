package dev.herald.server.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pusher.rest.data.Result;
import dev.herald.pusher.PusherJson;

/** Assertions on pusher-http-java's {@link Result}s. */
final class SdkResults {
  private SdkResults() {}

  static void assertSucceeded(Result result) {
    assertThat(result.getStatus()).as(result.getMessage()).isEqualTo(Result.Status.SUCCESS);
    assertThat(result.getHttpStatus()).isEqualTo(200);
  }

  /** The body of a successful result, parsed. */
  static JsonNode ok(Result result) {
    assertSucceeded(result);
    return json(result.getMessage());
  }

  static JsonNode json(String body) {
    try {
      return PusherJson.mapper().readTree(body);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }
}
