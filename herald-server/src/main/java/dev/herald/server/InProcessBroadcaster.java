package dev.herald.server;

import dev.herald.Broadcast;
import dev.herald.BroadcastException;
import dev.herald.Broadcaster;
import dev.herald.EncryptionMasterKey;
import dev.herald.EventEncoder;
import dev.herald.WireEvent;
import dev.herald.server.app.App;
import dev.herald.server.app.AppRegistry;
import dev.herald.server.broker.EventPublisher;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Broadcasts to one app of an embedded server by publishing to its {@link Broker}, the path HTTP
 * API events take (cache channels included), with the same rules: channel names, the app's event
 * name length and payload limit, socket ids (protocol reference §1.11). Events on encrypted
 * channels are encrypted with the master key, one channel at a time (§1.10).
 *
 * <p>Thread-safe; never blocks: publishing hands the encoded event to the channels' event loops.
 * The future is complete when the event has been handed over.
 */
final class InProcessBroadcaster implements Broadcaster {
  private final String appId;
  private final AppRegistry apps;
  private final EventPublisher publisher;
  private final Optional<EncryptionMasterKey> masterKey;
  private final AtomicBoolean closed = new AtomicBoolean();

  InProcessBroadcaster(
      String appId,
      AppRegistry apps,
      EventPublisher publisher,
      Optional<EncryptionMasterKey> masterKey) {
    this.appId = appId;
    this.apps = apps;
    this.publisher = publisher;
    this.masterKey = masterKey;
  }

  /**
   * Publishes the event to each of its channels.
   *
   * @return an already completed future; failed with a {@link BroadcastException} when the app is
   *     gone or disabled
   * @throws IllegalArgumentException when the event breaks the app's limits or goes to an encrypted
   *     channel without a master key
   * @throws IllegalStateException after {@link #close()}
   */
  @Override
  public CompletableFuture<Void> broadcast(Broadcast broadcast) {
    if (closed.get()) {
      throw new IllegalStateException("the broadcaster is closed");
    }
    Optional<App> found = apps.findById(appId).filter(App::enabled);
    if (found.isEmpty()) {
      return CompletableFuture.failedFuture(
          new BroadcastException("app " + appId + " is missing or disabled", 403, false, null));
    }
    App app = found.get();
    if (broadcast.name().length() > app.limits().maxEventNameLength()) {
      throw new IllegalArgumentException(
          "event name '"
              + broadcast.name()
              + "' is longer than app "
              + appId
              + "'s limit of "
              + app.limits().maxEventNameLength());
    }
    // Encoded (and encrypted) in full before the first publish, so a refusal publishes nothing.
    List<WireEvent> events =
        new EventEncoder(app.limits().maxEventPayloadBytes(), masterKey).encode(broadcast);
    for (WireEvent event : events) {
      for (String channel : event.channelNames()) {
        publisher.publish(app, channel, event.name(), event.data(), event.socketId());
      }
    }
    return CompletableFuture.completedFuture(null);
  }

  /** Refuses further broadcasts; the server keeps running. */
  @Override
  public void close() {
    closed.set(true);
  }
}
