package dev.herald.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.PusherJson;

/**
 * An HTTP response from the API: a status and a JSON body.
 *
 * @param status the HTTP status
 * @param json the body, a JSON document
 */
public record ApiResponse(int status, String json) {
  /** A 200 response with {@code body}. */
  public static ApiResponse ok(JsonNode body) {
    return new ApiResponse(200, PusherJson.string(body));
  }

  /** An error response, {@code {"error": message}}, the shape of every API error. */
  public static ApiResponse error(int status, String message) {
    return new ApiResponse(
        status, PusherJson.string(PusherJson.mapper().createObjectNode().put("error", message)));
  }
}
