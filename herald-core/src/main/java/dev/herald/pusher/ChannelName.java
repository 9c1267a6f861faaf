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

  private ChannelName() {}

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
