package dev.herald.server.broker;

import java.util.Objects;

/**
 * A message for one channel of one app, already encoded as the complete Pusher event JSON, so that
 * every node and every subscriber reuses the same bytes.
 *
 * @param appId the app
 * @param channel the channel
 * @param json the event envelope, UTF-8
 * @param exceptSocketId the socket that must not receive it (the sender), or null
 */
public record Message(String appId, String channel, byte[] json, String exceptSocketId) {
  public Message {
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(json, "json");
  }
}
