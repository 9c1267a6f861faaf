package dev.herald.server.protocol;

/**
 * The Pusher error and close codes Herald uses (protocol reference §1.5). 4000–4099: do not
 * reconnect unchanged; 4100–4199: reconnect after backing off; 4200–4299: reconnect at once;
 * 4300–4399: any other error (sent as {@code pusher:error}, the connection stays open).
 */
public enum PusherError {
  SSL_ONLY(4000, "Application only accepts SSL connections"),
  APP_NOT_FOUND(4001, "Application does not exist"),
  APP_DISABLED(4003, "Application disabled"),
  OVER_CONNECTION_QUOTA(4004, "Application is over connection quota"),
  PATH_NOT_FOUND(4005, "Path not found"),
  INVALID_VERSION(4006, "Invalid version string format"),
  UNSUPPORTED_PROTOCOL(4007, "Unsupported protocol version"),
  NO_PROTOCOL(4008, "No protocol version supplied"),
  UNAUTHORIZED(4009, "Connection is unauthorized"),
  OVER_CAPACITY(4100, "Over capacity"),
  RECONNECT(4200, "Generic reconnect immediately"),
  PONG_TIMEOUT(4201, "Pong reply not received"),
  /** Herald's code for a message it cannot act on: bad JSON, wrong types, unknown events. */
  INVALID_MESSAGE(4300, "Invalid message"),
  /** A subscribe beyond the app's channels per connection. */
  TOO_MANY_CHANNELS(4300, "Too many channels"),
  CLIENT_EVENT_RATE_LIMIT(4301, "Client event rejected due to rate limit"),
  WATCHLIST_LIMIT(4302, "Watchlist limit exceeded");

  private final int code;
  private final String description;

  PusherError(int code, String description) {
    this.code = code;
    this.description = description;
  }

  /** The numeric code, used both in {@code pusher:error} and as the WebSocket close code. */
  public int code() {
    return code;
  }

  /** Pusher's documented meaning of the code. */
  public String description() {
    return description;
  }
}
