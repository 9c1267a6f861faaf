package dev.herald.server.api;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request to the API, independent of the transport.
 *
 * @param method the upper-case method
 * @param path the decoded path, e.g. {@code /apps/1/events}
 * @param query the decoded query parameters
 * @param body the raw body (empty when none)
 */
public record ApiRequest(String method, String path, Map<String, List<String>> query, byte[] body) {
  /** The first value of a query parameter, or null. */
  public String param(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
