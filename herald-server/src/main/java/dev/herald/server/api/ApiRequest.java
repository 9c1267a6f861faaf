package dev.herald.server.api;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP request to the API, independent of the transport.
 *
 * @param method the upper-case method
 * @param path the decoded path, e.g. {@code /apps/1/events}
 * @param query the decoded query parameters (an absent map is read as empty)
 * @param body the raw body (empty when none; an absent body is read as empty)
 * @param headers the headers that routes read ({@code authorization}, {@code x-forwarded-for}, …),
 *     by lower-case name, first value; an absent map is read as empty
 * @param peer the address of the client's end of the connection, or null when unknown
 */
public record ApiRequest(
    String method,
    String path,
    Map<String, List<String>> query,
    byte[] body,
    Map<String, String> headers,
    InetAddress peer) {
  private static final byte[] EMPTY = {};

  public ApiRequest {
    query = query == null ? Map.of() : query;
    body = body == null ? EMPTY : body;
    headers = headers == null ? Map.of() : headers;
  }

  /** A request without headers from an unknown peer. */
  public ApiRequest(String method, String path, Map<String, List<String>> query, byte[] body) {
    this(method, path, query, body, Map.of(), null);
  }

  /** The header's first value, or null; {@code name} in any case. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
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
