package dev.herald.server.netty;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;

/**
 * A request's target, decoded: the path and the query parameters, as Netty's {@link
 * QueryStringDecoder} reads them (UTF-8; {@code +} is a space in the query).
 *
 * @param path the decoded path
 * @param parameters the decoded query parameters, in request order
 */
record RequestTarget(String path, Map<String, List<String>> parameters) {

  /**
   * Decodes the target of a request line.
   *
   * @throws IllegalArgumentException when a percent-escape is malformed ({@code %zz}, a {@code %}
   *     at the end)
   */
  static RequestTarget decode(String uri) {
    QueryStringDecoder decoder = new QueryStringDecoder(uri);
    // Both decode lazily and throw on a bad escape: decoded here, before anything is routed.
    return new RequestTarget(decoder.path(), decoder.parameters());
  }
}
