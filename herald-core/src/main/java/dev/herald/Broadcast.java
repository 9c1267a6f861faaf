package dev.herald;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.pusher.SocketId;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * One event to broadcast, resolved: the channels, the event name, the {@code data} string exactly
 * as subscribers will receive it, and optionally the socket to leave out (the sender, for "to
 * others"). This is what every {@link Broadcaster} sends and what {@link FakeBroadcaster} records.
 * Immutable and thread-safe.
 *
 * @param channels the distinct channels, in order; at least one
 * @param name the event name: 1 to {@value #MAX_NAME_LENGTH} characters
 * @param data the event data, usually JSON, delivered as is
 * @param socketId the socket that must not receive the event, or null for none
 * @param event the application event this was made from, or null for an anonymous broadcast
 */
public record Broadcast(
    List<Channel> channels, String name, String data, String socketId, BroadcastEvent event) {
  /** Pusher's default limit on the size of an event's data, in UTF-8 bytes (§1.13). */
  public static final int DEFAULT_MAX_PAYLOAD_BYTES = 10 * 1024;

  /** The longest event name Pusher and Herald accept. */
  public static final int MAX_NAME_LENGTH = 200;

  /**
   * Validates and normalizes: repeated channels are kept once.
   *
   * @throws IllegalArgumentException when there is no channel, the name is empty or too long, or
   *     the socket id is not of the {@code digits.digits} form
   * @throws NullPointerException when channels, a channel, name or data is null
   */
  public Broadcast {
    Objects.requireNonNull(channels, "channels");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(data, "data");
    channels = List.copyOf(new LinkedHashSet<>(channels));
    if (channels.isEmpty()) {
      throw new IllegalArgumentException("event '" + name + "' has no channel to broadcast on");
    }
    if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "an event name must be 1 to " + MAX_NAME_LENGTH + " characters, was " + name.length());
    }
    if (socketId != null && !SocketId.isValid(socketId)) {
      throw new IllegalArgumentException(
          "socket id '"
              + (socketId.length() > 64 ? socketId.substring(0, 64) + "…" : socketId)
              + "' is not of the form digits.digits, such as 1234.5678");
    }
  }

  /**
   * An anonymous broadcast: no application event behind it.
   *
   * @throws IllegalArgumentException as the canonical constructor
   */
  public static Broadcast of(List<Channel> channels, String name, String data) {
    return new Broadcast(channels, name, data, null, null);
  }

  /**
   * Resolves an application event with the library's JSON mapper (Jackson, with the modules found
   * on the classpath, such as java.time support). Does not look at {@link
   * BroadcastEvent#broadcastWhen()}.
   *
   * @throws IllegalArgumentException when the event's fields are invalid or its payload cannot be
   *     serialized
   */
  public static Broadcast of(BroadcastEvent event) {
    return of(event, EventJson.MAPPER);
  }

  /**
   * Resolves an application event, serializing {@link BroadcastEvent#broadcastWith()} with {@code
   * mapper}.
   *
   * @throws IllegalArgumentException when the event's fields are invalid or its payload cannot be
   *     serialized
   */
  public static Broadcast of(BroadcastEvent event, ObjectMapper mapper) {
    Objects.requireNonNull(event, "event");
    String name = event.broadcastAs();
    String data = EventJson.write(mapper, event.broadcastWith(), name);
    return new Broadcast(event.broadcastOn(), name, data, null, event);
  }

  /** A copy that leaves out {@code socketId} (the sender), or nobody when null. */
  public Broadcast toOthers(String socketId) {
    return new Broadcast(channels, name, data, socketId, event);
  }

  /** A copy for other channels. */
  public Broadcast withChannels(List<Channel> newChannels) {
    return new Broadcast(newChannels, name, data, socketId, event);
  }

  /** The size of {@link #data()} in UTF-8 bytes, the measure Pusher's limit uses. */
  public int dataBytes() {
    return data.getBytes(StandardCharsets.UTF_8).length;
  }

  /**
   * Checks the payload against a limit, so an oversized event fails in the app, before any request,
   * instead of as a 413 from the server.
   *
   * @throws IllegalArgumentException naming the event and both sizes, when the data is larger
   */
  public Broadcast requireDataWithin(int maxPayloadBytes) {
    int bytes = dataBytes();
    if (bytes > maxPayloadBytes) {
      throw new IllegalArgumentException(
          "event '"
              + name
              + "'"
              + (event == null ? "" : " (" + event.getClass().getName() + ")")
              + " has "
              + bytes
              + " bytes of data; the limit is "
              + maxPayloadBytes
              + " bytes. Broadcast less (an id subscribers can fetch the rest with) or raise"
              + " the limit on both the broadcaster and the server");
    }
    return this;
  }

  /** A short description for logs and assertion messages: name, channels and size. */
  public String describe() {
    return name + " on " + channels + " (" + dataBytes() + " bytes)";
  }
}
