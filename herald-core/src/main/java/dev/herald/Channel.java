package dev.herald;

import dev.herald.pusher.ChannelName;
import dev.herald.pusher.ChannelType;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A channel to broadcast on, by its full Pusher name ({@code orders}, {@code private-orders.42},
 * {@code presence-room.7}, {@code private-encrypted-inbox.3}), validated on construction: at most
 * 200 characters from {@code [A-Za-z0-9_\-=@,.;]} (protocol reference §1.6).
 *
 * <p>The one exception is the internal channel of a signed-in user, {@code
 * #server-to-user-{user_id}} (§1.7), made by {@link #user(String)}: apps cannot name {@code #}
 * channels otherwise.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the full channel name, prefix included
 */
public record Channel(String name) {
  /** The prefix of a user's internal channel (protocol reference §1.7). */
  public static final String SERVER_TO_USER_PREFIX = "#server-to-user-";

  /** The longest user id Pusher accepts (§1.6, presence limits). */
  public static final int MAX_USER_ID_LENGTH = 128;

  private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_\\-=@,.;]+");

  /**
   * Validates the name.
   *
   * @throws IllegalArgumentException with the reason, when the name is not a valid channel name
   */
  public Channel {
    if (name != null && name.startsWith(SERVER_TO_USER_PREFIX)) {
      requireUserId(name.substring(SERVER_TO_USER_PREFIX.length()));
    } else {
      ChannelName.problem(name)
          .ifPresent(
              problem -> {
                throw new IllegalArgumentException(problem);
              });
    }
  }

  /**
   * A channel by its full name, whatever its type.
   *
   * @throws IllegalArgumentException when the name is not a valid channel name
   */
  public static Channel of(String name) {
    return new Channel(name);
  }

  /**
   * A public channel: anyone may subscribe.
   *
   * @throws IllegalArgumentException when the name is invalid or has the prefix of another channel
   *     type ({@code private-}, {@code presence-}): use the matching factory instead
   */
  public static Channel publicChannel(String name) {
    Channel channel = new Channel(name);
    if (channel.type() != ChannelType.PUBLIC) {
      throw new IllegalArgumentException(
          "'"
              + name
              + "' is a "
              + channel.type().name().toLowerCase(Locale.ROOT)
              + " channel, not public");
    }
    return channel;
  }

  /**
   * A private channel, {@code private-{name}}; a name that already has the prefix is kept as is.
   *
   * @throws IllegalArgumentException when the resulting name is invalid
   */
  public static Channel privateChannel(String name) {
    return new Channel(prefixed(ChannelType.PRIVATE_PREFIX, name));
  }

  /**
   * A presence channel, {@code presence-{name}}; a name that already has the prefix is kept as is.
   *
   * @throws IllegalArgumentException when the resulting name is invalid
   */
  public static Channel presenceChannel(String name) {
    return new Channel(prefixed(ChannelType.PRESENCE_PREFIX, name));
  }

  /**
   * An end-to-end encrypted channel, {@code private-encrypted-{name}}; a name that already has the
   * prefix is kept as is. Broadcasting to it needs an encryption master key (protocol reference
   * §1.10).
   *
   * @throws IllegalArgumentException when the resulting name is invalid
   */
  public static Channel encryptedChannel(String name) {
    return new Channel(prefixed(ChannelType.ENCRYPTED_PREFIX, name));
  }

  /**
   * The internal channel of a signed-in user, {@code #server-to-user-{userId}}: an event sent here
   * reaches every connection signed in as that user (protocol reference §1.7).
   *
   * @throws IllegalArgumentException when the user id is empty, longer than 128 characters or has
   *     characters outside {@code [A-Za-z0-9_\-=@,.;]}
   */
  public static Channel user(String userId) {
    requireUserId(userId);
    return new Channel(SERVER_TO_USER_PREFIX + userId);
  }

  /** The channel's type, by prefix; a user's internal channel counts as {@code PUBLIC}. */
  public ChannelType type() {
    return isUser() ? ChannelType.PUBLIC : ChannelType.of(name);
  }

  /** Whether events on this channel are end-to-end encrypted ({@code private-encrypted-}). */
  public boolean isEncrypted() {
    return type() == ChannelType.ENCRYPTED;
  }

  /** Whether this is a user's internal {@code #server-to-user-} channel. */
  public boolean isUser() {
    return name.startsWith(SERVER_TO_USER_PREFIX);
  }

  /** The full name. */
  @Override
  public String toString() {
    return name;
  }

  /**
   * Checks a user id for use in a channel name or an API path.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  static String requireUserId(String userId) {
    Objects.requireNonNull(userId, "userId");
    if (userId.isEmpty() || userId.length() > MAX_USER_ID_LENGTH) {
      throw new IllegalArgumentException(
          "a user id must be 1 to " + MAX_USER_ID_LENGTH + " characters, was " + userId.length());
    }
    if (!USER_ID.matcher(userId).matches()) {
      throw new IllegalArgumentException(
          "user id '" + userId + "' has characters outside [A-Za-z0-9_-=@,.;]");
    }
    return userId;
  }

  private static String prefixed(String prefix, String name) {
    Objects.requireNonNull(name, "name");
    return name.startsWith(prefix) ? name : prefix + name;
  }
}
