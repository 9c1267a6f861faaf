package dev.herald;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * An event without a class of its own, built fluently:
 *
 * <pre>{@code
 * broadcaster.on(Channel.privateChannel("orders.42"))
 *     .as("order.updated")
 *     .with(Map.of("status", "shipped"))
 *     .toOthers(socketId)
 *     .send();
 * }</pre>
 *
 * <p>Immutable: every step returns a new instance, so a partly built event may be shared between
 * threads and reused. The name defaults to {@code AnonymousEvent} and the data to {@code {}}.
 */
public final class AnonymousEvent {
  private final Broadcaster broadcaster;
  private final List<Channel> channels;
  private final String name;
  private final String data;
  private final String socketId;

  AnonymousEvent(Broadcaster broadcaster, List<Channel> channels) {
    this(broadcaster, channels, "AnonymousEvent", "{}", null);
  }

  private AnonymousEvent(
      Broadcaster broadcaster, List<Channel> channels, String name, String data, String socketId) {
    this.broadcaster = broadcaster;
    this.channels = channels;
    this.name = name;
    this.data = data;
    this.socketId = socketId;
  }

  /** The event name subscribers bind to. */
  public AnonymousEvent as(String eventName) {
    return new AnonymousEvent(
        broadcaster, channels, Objects.requireNonNull(eventName, "name"), data, socketId);
  }

  /**
   * The payload, serialized to JSON by Jackson now (a map, a record, a {@code JsonNode}, …).
   *
   * @throws IllegalArgumentException when it cannot be serialized
   */
  public AnonymousEvent with(Object payload) {
    return with(payload, EventJson.MAPPER);
  }

  /**
   * The payload, serialized with {@code mapper}.
   *
   * @throws IllegalArgumentException when it cannot be serialized
   */
  public AnonymousEvent with(Object payload, ObjectMapper mapper) {
    return new AnonymousEvent(
        broadcaster, channels, name, EventJson.write(mapper, payload, name), socketId);
  }

  /** The data as an already encoded string, sent exactly as given (no second JSON encoding). */
  public AnonymousEvent withJson(String json) {
    return new AnonymousEvent(
        broadcaster, channels, name, Objects.requireNonNull(json, "json"), socketId);
  }

  /** Leaves out the connection with this socket id (the sender); null for nobody. */
  public AnonymousEvent toOthers(String senderSocketId) {
    return new AnonymousEvent(broadcaster, channels, name, data, senderSocketId);
  }

  /** The resolved broadcast, as {@link #send()} would send it. */
  public Broadcast broadcast() {
    return new Broadcast(channels, name, data, socketId, null);
  }

  /**
   * Sends the event through the broadcaster it was started from.
   *
   * @return as {@link Broadcaster#broadcast(Broadcast)}
   * @throws IllegalArgumentException when the event is invalid (no channel, bad socket id, too
   *     large)
   * @throws IllegalStateException when the broadcaster is closed
   */
  public CompletableFuture<Void> send() {
    return broadcaster.broadcast(broadcast());
  }
}
