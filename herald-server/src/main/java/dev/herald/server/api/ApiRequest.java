package dev.herald.server.api;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request to the API, independent of the transport.
 *
 * @param method the upper-case method
 * @param path the decoded path, e.g. {@code /apps/1/events}
 * @param query the decoded query parameters (an absent map is read as empty)
 * @param body the raw body (empty when none; an absent body is read as empty)
 */
public record ApiRequest(String method, String path, Map<String, List<String>> query, byte[] body) {
  private static final byte[] EMPTY = {};

  public ApiRequest {
    query = query == null ? Map.of() : query;
    body = body == null ? EMPTY : body;
  }

  /** The first value of a query parameter, or null. */
  public String param(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * Every value of a query parameter joined with {@code ","} (how a repeated parameter is signed,
   * and how {@code info=a&info=b} reads as {@code info=a,b}), or null when absent.
   */
  public String joinedParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : String.join(",", values);
  }
}
