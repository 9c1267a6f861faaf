package dev.herald;

/**
 * A broadcast could not be handed over: the server refused it (its status and message are kept) or
 * could not be reached. Futures returned by a {@link Broadcaster} complete exceptionally with it.
 * Messages never contain the app secret or signed URLs. Its fields are final; safe to share.
 */
public class BroadcastException extends RuntimeException {
  private final int status;
  private final boolean retryable;

  /**
   * A failure without an HTTP status (the server was not reached, the driver is closing).
   *
   * @param retryable whether the same request may succeed later
   */
  public BroadcastException(String message, boolean retryable, Throwable cause) {
    this(message, 0, retryable, cause);
  }

  /**
   * A failure with the server's HTTP status (0 when there was none).
   *
   * @param retryable whether the same request may succeed later
   */
  public BroadcastException(String message, int status, boolean retryable, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.retryable = retryable;
  }

  /** The server's HTTP status, or 0 when no response arrived. */
  public int status() {
    return status;
  }

  /**
   * Whether trying again may succeed: true for unreachable servers, timeouts, 5xx and 429; false
   * for refusals that will not change (400, 401, 403, 404, 413).
   */
  public boolean retryable() {
    return retryable;
  }
}
