package dev.herald.server.protocol;

/**
 * A protocol error, thrown anywhere in the protocol code and turned into a {@code pusher:error}
 * (and a close, when {@link #closes()}) in exactly one place, {@link PusherProtocol}.
 */
public final class PusherException extends RuntimeException {
  private final PusherError error;
  private final boolean closes;
  private final transient SubscriptionFailure subscription;

  private PusherException(
      PusherError error, String message, boolean closes, SubscriptionFailure subscription) {
    super(message, null, false, false);
    this.error = error;
    this.closes = closes;
    this.subscription = subscription;
  }

  /** An error the client is told about; the connection stays open. */
  public static PusherException reject(PusherError error, String message) {
    return new PusherException(error, message, false, null);
  }

  /** An error that closes the connection with the error's code. */
  public static PusherException fatal(PusherError error, String message) {
    return new PusherException(error, message, true, null);
  }

  /**
   * A failed subscription: the client gets {@code pusher:subscription_error} on the channel (as
   * pusher-js and Echo expect) and a {@code pusher:error}; the connection stays open.
   */
  static PusherException subscription(SubscriptionRefusal refusal, String channel, String message) {
    return new PusherException(
        refusal.error(), message, false, new SubscriptionFailure(channel, refusal));
  }

  public PusherError error() {
    return error;
  }

  public boolean closes() {
    return closes;
  }

  /** The failed subscription's details, or null when this is not a subscription failure. */
  SubscriptionFailure subscriptionFailure() {
    return subscription;
  }

  record SubscriptionFailure(String channel, SubscriptionRefusal refusal) {}
}
