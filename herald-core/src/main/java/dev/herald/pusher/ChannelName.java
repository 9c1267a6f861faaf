package dev.herald.pusher;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validation of channel names (protocol reference §1.6): at most {@link #MAX_LENGTH} characters
 * from {@code [A-Za-z0-9_\-=@,.;]}; {@code #} is reserved for internal channels such as {@code
 * #server-to-user-…}, which apps and clients cannot create. Pure and thread-safe.
 */
public final class ChannelName {
  /** The server SDKs' limit (Pusher documents 164, its SDKs and peers enforce 200). */
  public static final int MAX_LENGTH = 200;

  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_\\-=@,.;]+");

  /** The prefix of the channel the server uses to reach every connection of a signed-in user. */
  public static final String SERVER_TO_USER_PREFIX = "#server-to-user-";

  private static final java.util.List<String> CACHE_PREFIXES =
      java.util.List.of("cache-", "private-cache-", "private-encrypted-cache-", "presence-cache-");

  private ChannelName() {}

  /** {@code #server-to-user-{userId}}. */
  public static String serverToUser(String userId) {
    return SERVER_TO_USER_PREFIX + userId;
  }

  /** Whether {@code name} is a {@code #server-to-user-…} channel with a non-empty user id. */
  public static boolean isServerToUser(String name) {
    return name != null
        && name.startsWith(SERVER_TO_USER_PREFIX)
        && name.length() > SERVER_TO_USER_PREFIX.length();
  }

  /**
   * Whether {@code name} is a cache channel: {@code cache-}, {@code private-cache-}, {@code
   * private-encrypted-cache-} or {@code presence-cache-}, anchored at the start (so {@code
   * my-cache-x} is an ordinary channel, unlike in some peers; protocol reference §1.6).
   */
  public static boolean isCache(String name) {
    for (String prefix : CACHE_PREFIXES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * What is wrong with {@code name} as the target of a server-side publish, or empty: a valid
   * channel name, or a {@code #server-to-user-{id}} channel (the user id is not held to the channel
   * charset, as the SDKs' {@code sendToUser} does not validate it).
   */
  public static Optional<String> publishProblem(String name) {
    if (isServerToUser(name)) {
      return name.length() > MAX_LENGTH + SERVER_TO_USER_PREFIX.length()
          ? Optional.of("the user id of " + printable(name) + " is too long")
          : Optional.empty();
    }
    return problem(name);
  }

  /** What is wrong with {@code name}, or empty when it is a valid channel name. */
  public static Optional<String> problem(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of("channel name is missing");
    }
    if (name.length() > MAX_LENGTH) {
      return Optional.of(
          "channel name is " + name.length() + " characters long; the limit is " + MAX_LENGTH);
    }
    if (name.charAt(0) == '#') {
      return Optional.of("channel names starting with '#' are reserved for internal channels");
    }
    if (!ALLOWED.matcher(name).matches()) {
      return Optional.of(
          "channel name '" + printable(name) + "' has characters outside [A-Za-z0-9_-=@,.;]");
    }
    return Optional.empty();
  }

  /** Whether {@code name} is a valid channel name. */
  public static boolean isValid(String name) {
    return problem(name).isEmpty();
  }

  /** The name cut to a safe length for an error message. */
  static String printable(String name) {
    return name.length() <= 64 ? name : name.substring(0, 64) + "…";
  }
}
