package dev.herald.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.PusherJson;
import java.net.http.HttpResponse;

/** The server answered, but not 2xx: a bad signature, an unknown app, a bad request. */
final class ApiRefusedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private ApiRefusedException(String message) {
    super(message);
  }

  /** Says the status and the API's {@code {"error": …}} message, or the body when it has none. */
  static ApiRefusedException of(HttpResponse<String> response) {
    return of(response.statusCode(), response.body());
  }

  /** As {@link #of(HttpResponse)}, from the status and the body read. */
  static ApiRefusedException of(int status, String body) {
    return new ApiRefusedException(
        "the server refused the request (HTTP " + status + "): " + errorOf(body));
  }

  private static String errorOf(String body) {
    try {
      JsonNode error = PusherJson.mapper().readTree(body).path("error");
      return error.isTextual() ? error.asText() : body;
    } catch (java.io.IOException | RuntimeException e) {
      return body;
    }
  }
}
