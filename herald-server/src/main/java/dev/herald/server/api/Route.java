package dev.herald.server.api;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One entry of the API's route table: a method, a path pattern with {@code {placeholder}} segments,
 * whether the request must be signed for the app named by {@code {app_id}}, and the endpoint.
 */
record Route(String method, String pattern, boolean signed, Endpoint endpoint) {
  /** The placeholder that names the app on signed routes. */
  static final String APP_ID = "app_id";

  /**
   * Handles a routed call; throws {@link ApiException}, or completes the answer with one, to refuse
   * it.
   */
  @FunctionalInterface
  interface Endpoint {
    CompletableFuture<ApiResponse> handle(ApiCall call);
  }

  Route {
    if (signed && !pattern.contains("{" + APP_ID + "}")) {
      throw new IllegalArgumentException("a signed route needs {" + APP_ID + "}: " + pattern);
    }
  }

  /** A route that needs no signature. */
  static Route open(String method, String pattern, Endpoint endpoint) {
    return new Route(method, pattern, false, endpoint);
  }

  /** A route signed with the secret of the app in {@code {app_id}} (§1.11 Authentication). */
  static Route signed(String method, String pattern, Endpoint endpoint) {
    return new Route(method, pattern, true, endpoint);
  }

  /**
   * The placeholder values when {@code path} matches the pattern, segment by segment; a placeholder
   * matches one non-empty segment. Empty when the path does not match.
   */
  Optional<Map<String, String>> match(String path) {
    String[] want = pattern.split("/", -1);
    String[] got = path.split("/", -1);
    if (want.length != got.length) {
      return Optional.empty();
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < want.length; i++) {
      String w = want[i];
      if (w.length() > 2 && w.startsWith("{") && w.endsWith("}")) {
        if (got[i].isEmpty()) {
          return Optional.empty();
        }
        params.put(w.substring(1, w.length() - 1), got[i]);
      } else if (!w.equals(got[i])) {
        return Optional.empty();
      }
    }
    return Optional.of(params);
  }
}
