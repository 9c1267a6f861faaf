package dev.herald;

import java.util.List;
import java.util.Objects;

/**
 * One event as it goes on the wire: its channels share the same {@code data}. A broadcast becomes
 * one wire event for its plain channels and one per encrypted channel, since each encrypted channel
 * has its own key (protocol reference §1.10). Immutable.
 *
 * @param channels the channels; exactly one when the data is encrypted
 * @param name the event name
 * @param data the data as sent: encrypted for {@code private-encrypted-} channels
 * @param socketId the socket to leave out, or null
 */
public record WireEvent(List<Channel> channels, String name, String data, String socketId) {
  /** Copies the channels; name and data are required. */
  public WireEvent {
    channels = List.copyOf(channels);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(data, "data");
  }

  /** The channel names, as the HTTP API and the server take them. */
  public List<String> channelNames() {
    return channels.stream().map(Channel::name).toList();
  }
}
