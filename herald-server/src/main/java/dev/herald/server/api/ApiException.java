package dev.herald.server.api;

/**
 * A request the API refuses: an HTTP status and a message saying precisely what was wrong. Thrown
 * anywhere below {@link HttpApi} and turned into {@code {"error": message}} in exactly one place,
 * {@link HttpApi#handle}. Messages never contain an app secret.
 */
final class ApiException extends RuntimeException {
  private static final int MAX_ECHO = 128;

  private final int status;

  ApiException(int status, String message) {
    // No stack trace: this is a client error, reported by status and message alone.
    super(message, null, false, false);
    this.status = status;
  }

  /** 400 Bad Request. */
  static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  /** 401 Unauthorized: the request's signature or one of its auth parameters is wrong. */
  static ApiException unauthorized(String message) {
    return new ApiException(401, message);
  }

  int status() {
    return status;
  }

  /** A client-supplied value cut to a length safe to echo in an error message. */
  static String printable(String value) {
    return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "…";
  }
}
