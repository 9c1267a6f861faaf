package dev.herald.server.protocol;

/**
 * Why a {@code pusher:subscribe} was refused, as the client is told: the {@code pusher:error} code,
 * and the {@code type} and HTTP-style {@code status} of the {@code pusher:subscription_error} on
 * the channel (the fields pusher-js gives its own auth failures, so Echo's {@code .error()} reads
 * them alike; protocol reference §1.5).
 */
enum SubscriptionRefusal {
  /** The channel name breaks the naming rules. */
  INVALID_CHANNEL(PusherError.INVALID_MESSAGE, "InvalidChannel", 400),
  /** The presence {@code channel_data} is not a valid member. */
  INVALID_CHANNEL_DATA(PusherError.INVALID_MESSAGE, "InvalidChannelData", 400),
  /** A missing or wrong signature, or a user channel of another user. */
  AUTH_ERROR(PusherError.UNAUTHORIZED, "AuthError", 401),
  /** The presence channel has its most members: forbidden until one leaves. */
  LIMIT_REACHED(PusherError.OVER_CAPACITY, "LimitReached", 403),
  /** The connection is subscribed to its app's most channels: too many until it leaves one. */
  TOO_MANY_CHANNELS(PusherError.TOO_MANY_CHANNELS, "LimitReached", 429),
  /** The cluster's stores did not answer (Redis away): try again after backing off. */
  UNAVAILABLE(PusherError.OVER_CAPACITY, "Unavailable", 503);

  private final PusherError error;
  private final String type;
  private final int status;

  SubscriptionRefusal(PusherError error, String type, int status) {
    this.error = error;
    this.type = type;
    this.status = status;
  }

  /** The code of the {@code pusher:error}. */
  PusherError error() {
    return error;
  }

  /** The {@code type} of the {@code pusher:subscription_error}. */
  String type() {
    return type;
  }

  /** The HTTP status of the {@code pusher:subscription_error}, as an auth endpoint would answer. */
  int status() {
    return status;
  }

  /** The refusal of a subscription to {@code channel}, explained by {@code message}. */
  PusherException of(String channel, String message) {
    return PusherException.subscription(this, channel, message);
  }
}
