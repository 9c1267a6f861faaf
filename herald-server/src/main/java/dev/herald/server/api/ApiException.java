package dev.herald.server.api;

/**
 * A request the API refuses: an HTTP status and a message saying precisely what was wrong. Thrown
 * anywhere below {@link HttpApi} and turned into {@code {"error": message}} in exactly one place,
 * {@link HttpApi#handle}. Messages never contain an app secret.
 */
final class ApiException extends RuntimeException {
  private static final int MAX_ECHO = 128;

  private final int status;
  private final int retryAfterSeconds;

  ApiException(int status, String message) {
    this(status, message, 0);
  }

  /** A refusal the client may retry after {@code retryAfterSeconds} ({@code Retry-After}). */
  ApiException(int status, String message, int retryAfterSeconds) {
    // No stack trace: this is a client error, reported by status and message alone.
    super(message, null, false, false);
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
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

  /** Seconds after which a retry may succeed, or 0 when it would not. */
  int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** A client-supplied value cut to a length safe to echo in an error message. */
  static String printable(String value) {
    return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "…";
  }
}
