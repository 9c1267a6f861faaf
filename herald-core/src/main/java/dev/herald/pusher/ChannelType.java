package dev.herald.pusher;

/**
 * The kind of a channel, decided by its name prefix (protocol reference §1.6). The order of the
 * checks matters: {@code private-encrypted-} is tested before {@code private-}.
 */
public enum ChannelType {
  /** No prefix: anyone may subscribe, no client events. */
  PUBLIC,
  /** {@code private-}: subscription needs an {@code auth} signature. */
  PRIVATE,
  /** {@code private-encrypted-}: as private; payloads are end-to-end encrypted by the SDKs. */
  ENCRYPTED,
  /** {@code presence-}: as private, plus a member list keyed by {@code user_id}. */
  PRESENCE;

  public static final String PRIVATE_PREFIX = "private-";
  public static final String ENCRYPTED_PREFIX = "private-encrypted-";
  public static final String PRESENCE_PREFIX = "presence-";

  /** The type of {@code channel}, by prefix. Does not validate the name. */
  public static ChannelType of(String channel) {
    if (channel.startsWith(ENCRYPTED_PREFIX)) {
      return ENCRYPTED;
    }
    if (channel.startsWith(PRIVATE_PREFIX)) {
      return PRIVATE;
    }
    if (channel.startsWith(PRESENCE_PREFIX)) {
      return PRESENCE;
    }
    return PUBLIC;
  }

  /** Whether subscribing needs a signed {@code auth} value. */
  public boolean requiresAuth() {
    return this != PUBLIC;
  }

  /**
   * Whether clients may trigger {@code client-} events here: only private and presence channels
   * (§1.8). Encrypted channels are excluded, as the Pusher SDKs refuse them (the payload would
   * travel unencrypted).
   */
  public boolean allowsClientEvents() {
    return this == PRIVATE || this == PRESENCE;
  }
}
