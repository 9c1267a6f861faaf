package dev.herald;

import java.util.Map;
import java.util.Objects;

/**
 * One question put to a {@link ChannelAuthorizer}: may this user join this channel, or sign in?
 * {@link ChannelAuthorizer.Middleware} sees it before the decision is made. Immutable.
 *
 * @param kind what is asked for
 * @param user the app's user object as passed to {@code authorize}/{@code signin} (null if the app
 *     authorizes guests that way)
 * @param socketId the connection's socket id, already validated
 * @param channel the full channel name, prefix included (already validated), or null for {@link
 *     Kind#SIGNIN}
 * @param params the values of the matching pattern's {@code {params}}; empty for a sign-in or when
 *     no rule matches
 * @param <U> the app's user type
 */
public record AuthorizationRequest<U>(
    Kind kind, U user, String socketId, String channel, Map<String, String> params) {

  /** What a request asks for. */
  public enum Kind {
    /** A {@code private-} channel. */
    PRIVATE,
    /** A {@code private-encrypted-} channel (matched by the same rules as private channels). */
    ENCRYPTED,
    /** A {@code presence-} channel. */
    PRESENCE,
    /** A user sign-in ({@code pusher:signin}, protocol reference §1.7). */
    SIGNIN
  }

  /** Requires the kind and socket id; null params become an empty map. */
  public AuthorizationRequest {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(socketId, "socketId");
    params = params == null ? Map.of() : params;
  }

  /** Whether this asks for a user sign-in rather than a channel. */
  public boolean isSignin() {
    return kind == Kind.SIGNIN;
  }
}
