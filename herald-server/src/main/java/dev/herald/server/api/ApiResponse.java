package dev.herald.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.PusherJson;
import java.util.Map;

/**
 * An HTTP response from the API: a status and a body, JSON unless said otherwise.
 *
 * @param status the HTTP status
 * @param json the body, a JSON document (or text of {@code contentType})
 * @param contentType the body's media type
 * @param retryAfterSeconds the {@code Retry-After} header's seconds, or 0 for none
 * @param stream for a streaming answer, what writes its body (then {@code json} is empty); null for
 *     every other answer
 * @param headers further headers to send (the console's {@code Cache-Control}, …), by name
 */
public record ApiResponse(
    int status,
    String json,
    String contentType,
    int retryAfterSeconds,
    EventStream stream,
    Map<String, String> headers) {
  /** The media type of API responses. */
  public static final String JSON = "application/json";

  /** The media type of Server-Sent Events. */
  public static final String EVENT_STREAM = "text/event-stream";

  public ApiResponse {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  /** A response without further headers. */
  public ApiResponse(
      int status, String json, String contentType, int retryAfterSeconds, EventStream stream) {
    this(status, json, contentType, retryAfterSeconds, stream, Map.of());
  }

  /** A complete response of {@code contentType} with {@code Retry-After} after {@code seconds}. */
  public ApiResponse(int status, String json, String contentType, int retryAfterSeconds) {
    this(status, json, contentType, retryAfterSeconds, null);
  }

  /** A response of {@code contentType} without {@code Retry-After}. */
  public ApiResponse(int status, String json, String contentType) {
    this(status, json, contentType, 0);
  }

  /** A JSON response. */
  public ApiResponse(int status, String json) {
    this(status, json, JSON);
  }

  /** A 200 response with {@code body}. */
  public static ApiResponse ok(JsonNode body) {
    return new ApiResponse(200, PusherJson.string(body));
  }

  /** An error response, {@code {"error": message}}, the shape of every API error. */
  public static ApiResponse error(int status, String message) {
    return new ApiResponse(
        status, PusherJson.string(PusherJson.mapper().createObjectNode().put("error", message)));
  }

  /** A 200 whose body {@code stream} writes as Server-Sent Events, until the client goes. */
  public static ApiResponse stream(EventStream stream) {
    return new ApiResponse(200, "", EVENT_STREAM, 0, java.util.Objects.requireNonNull(stream));
  }

  /** A copy with a {@code Retry-After} header of {@code seconds}. */
  public ApiResponse retryAfter(int seconds) {
    return new ApiResponse(status, json, contentType, seconds, stream, headers);
  }

  /** A copy that also sends {@code more} headers. */
  public ApiResponse withHeaders(Map<String, String> more) {
    Map<String, String> all = new java.util.LinkedHashMap<>(headers);
    all.putAll(more);
    return new ApiResponse(status, json, contentType, retryAfterSeconds, stream, all);
  }
}
