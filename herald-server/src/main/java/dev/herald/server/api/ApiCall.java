package dev.herald.server.api;

import dev.herald.server.app.App;
import java.util.Map;

/**
 * A routed request: the request, the authenticated app (null on open routes such as {@code /up})
 * and the values of the route's path placeholders.
 *
 * @param request the request as received
 * @param app the app the request was signed for, or null on an open route
 * @param pathParams placeholder name → decoded path segment, e.g. {@code channel → presence-x}
 */
record ApiCall(ApiRequest request, App app, Map<String, String> pathParams) {
  /** The value of the path placeholder {@code {name}}. */
  String pathParam(String name) {
    return pathParams.get(name);
  }
}
