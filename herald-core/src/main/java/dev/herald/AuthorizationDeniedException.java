package dev.herald;

/**
 * {@link ChannelAuthorizer} refused: the user may not join the channel (or sign in). Map it to HTTP
 * 403 in the authorization endpoint; pusher-js then reports a subscription error for that channel
 * without retrying in a loop.
 *
 * <p>The message names the channel and the reason; it never contains a secret or a signature.
 */
public final class AuthorizationDeniedException extends RuntimeException {
  private final String channel;
  private final String reason;

  /**
   * A denial.
   *
   * @param channel the full channel name, or null for a user sign-in
   * @param reason why, for logs (e.g. "no rule matches", "the rule for 'orders.{orderId}' said no")
   */
  public AuthorizationDeniedException(String channel, String reason) {
    super(
        (channel == null ? "sign-in denied" : "not authorized for channel '" + channel + "'")
            + ": "
            + reason);
    this.channel = channel;
    this.reason = reason;
  }

  /**
   * The full channel name that was refused (cut to 64 characters when it was not a valid name), or
   * null when a sign-in was refused.
   */
  public String channel() {
    return channel;
  }

  /** Why it was refused. */
  public String reason() {
    return reason;
  }
}
