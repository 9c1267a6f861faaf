package dev.herald;

import java.util.Objects;

/**
 * A webhook request that {@link WebhookReceiver} refuses: unsigned, signed with a wrong key or
 * secret, or not a Pusher webhook body. Answer 401 for a missing or wrong key or signature and 400
 * for a {@link Reason#MALFORMED_BODY malformed body}.
 *
 * <p>The message says what is wrong; it never contains a secret or the expected signature.
 */
public final class WebhookVerificationException extends RuntimeException {
  /** What is wrong with the request. */
  public enum Reason {
    /** {@code X-Pusher-Key} or {@code X-Pusher-Signature} is missing or empty. */
    MISSING_HEADER,
    /** {@code X-Pusher-Key} is not the key this receiver was built with. */
    UNKNOWN_KEY,
    /** {@code X-Pusher-Signature} matches the body under none of the secrets. */
    BAD_SIGNATURE,
    /** The signature is valid but the body is not {@code {"time_ms", "events": […]}}. */
    MALFORMED_BODY
  }

  private final Reason reason;

  /**
   * A refusal.
   *
   * @param reason the kind of problem
   * @param message what exactly, without secrets
   */
  public WebhookVerificationException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * A refusal with the exception that revealed it (e.g. a JSON parse error).
   *
   * @param reason the kind of problem
   * @param message what exactly, without secrets
   * @param cause the underlying exception
   */
  public WebhookVerificationException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The kind of problem. */
  public Reason reason() {
    return reason;
  }
}
