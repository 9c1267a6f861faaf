package dev.herald;

/**
 * Herald's (Pusher's) channel names in Ably's namespaces, as Laravel's Ably broadcaster maps them,
 * so that Laravel Echo's Ably connector finds the events: {@code private-x} → {@code private:x},
 * {@code presence-x} → {@code presence:x}, anything else {@code x} → {@code public:x}.
 */
final class AblyChannels {
  private AblyChannels() {}

  /** The Ably channel a Herald channel's events are published on. */
  static String ablyName(String channel) {
    if (channel.startsWith("private-")) {
      return "private:" + channel.substring("private-".length());
    }
    if (channel.startsWith("presence-")) {
      return "presence:" + channel.substring("presence-".length());
    }
    return "public:" + channel;
  }
}
