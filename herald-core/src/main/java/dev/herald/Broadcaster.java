package dev.herald;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Sends events to channels: the app side of Herald (and of any Pusher-compatible server).
 *
 * <pre>{@code
 * broadcaster.broadcast(new OrderShipped(order));                      // an event class
 * broadcaster.on(Channel.publicChannel("orders")).as("order.shipped")  // or anonymously
 *     .with(Map.of("id", 42)).toOthers(socketId).send();
 * }</pre>
 *
 * <p>Implementations are drivers ({@link HttpBroadcaster}, {@link LogBroadcaster}, {@link
 * NullBroadcaster}, {@link FakeBroadcaster}, the embedded server) and decorators ({@link
 * QueuedBroadcaster}, {@link AfterCommitBroadcaster}); {@link Broadcasters} picks one from
 * configuration.
 *
 * <p><b>Contract</b>, checked for every driver by one shared test:
 *
 * <ul>
 *   <li>Thread-safe: any thread may broadcast at any time.
 *   <li>Never blocks on I/O: sending happens in the background; the returned future completes when
 *       the event has been handed over (e.g. the server answered), or exceptionally with a {@link
 *       BroadcastException} when it could not be.
 *   <li>Bad arguments (an invalid channel name or socket id, an oversized payload, an encrypted
 *       channel without a key) throw {@link IllegalArgumentException} on the calling thread, before
 *       anything is sent. Broadcasting after {@link #close()} throws {@link IllegalStateException}.
 * </ul>
 */
public interface Broadcaster extends AutoCloseable {
  /**
   * Sends one event to its channels.
   *
   * @return completes when the event has been handed over; exceptionally with a {@link
   *     BroadcastException} when sending failed
   * @throws IllegalArgumentException when the event cannot be sent as it is (e.g. too large)
   * @throws IllegalStateException after {@link #close()}
   */
  CompletableFuture<Void> broadcast(Broadcast broadcast);

  /**
   * Sends several events, in order where the driver can keep it. Drivers may combine them (the HTTP
   * driver uses {@code /batch_events}, 10 events a request).
   *
   * @return completes when every event has been handed over; exceptionally with a {@link
   *     BroadcastException} when any could not be (the others are still sent)
   * @throws IllegalArgumentException when an event cannot be sent as it is; the HTTP driver checks
   *     every event first and then sends none, this default sends those before it
   * @throws IllegalStateException after {@link #close()}
   */
  default CompletableFuture<Void> broadcastAll(List<Broadcast> broadcasts) {
    List<CompletableFuture<Void>> sent = new ArrayList<>(broadcasts.size());
    for (Broadcast broadcast : broadcasts) {
      sent.add(broadcast(broadcast));
    }
    return CompletableFuture.allOf(sent.toArray(new CompletableFuture<?>[0]));
  }

  /**
   * Broadcasts an application event to its {@link BroadcastEvent#broadcastOn() channels}, unless
   * its {@link BroadcastEvent#broadcastWhen() condition} is false (then the future is already
   * complete and nothing is sent).
   *
   * @throws IllegalArgumentException when the event cannot be sent as it is
   * @throws IllegalStateException after {@link #close()}
   */
  default CompletableFuture<Void> broadcast(BroadcastEvent event) {
    return broadcastToOthers(event, null);
  }

  /**
   * As {@link #broadcast(BroadcastEvent)}, leaving out the connection with {@code socketId}: the
   * client whose request caused the event (it sends its socket id, e.g. as {@code X-Socket-ID}).
   * The exclusion is per connection, not per user.
   *
   * @param socketId the socket to leave out, or null for none
   * @throws IllegalArgumentException when the event cannot be sent or the socket id is malformed
   * @throws IllegalStateException after {@link #close()}
   */
  default CompletableFuture<Void> broadcastToOthers(BroadcastEvent event, String socketId) {
    Objects.requireNonNull(event, "event");
    if (!event.broadcastWhen()) {
      return CompletableFuture.completedFuture(null);
    }
    return broadcast(Broadcast.of(event).toOthers(socketId));
  }

  /**
   * Starts an anonymous event on these channels: {@code on(channels).as(name).with(data).send()}.
   */
  default AnonymousEvent on(Channel... channels) {
    return on(Arrays.asList(channels));
  }

  /** Starts an anonymous event on these channels. */
  default AnonymousEvent on(Collection<Channel> channels) {
    return new AnonymousEvent(this, List.copyOf(channels));
  }

  /**
   * Starts an anonymous event to one user: it reaches every connection signed in as {@code userId}
   * (server-to-user, protocol reference §1.7), whatever it subscribed to.
   *
   * @throws IllegalArgumentException when the user id cannot name a channel
   */
  default AnonymousEvent toUser(String userId) {
    return on(Channel.user(userId));
  }

  /**
   * Checks that broadcasts can reach their destination now, for health checks: the HTTP drivers
   * make a small signed API request (so a wrong secret shows too), the Redis driver sends {@code
   * PING}; drivers that send nowhere remote answer at once. Decorators ask what they wrap. Never
   * blocks.
   *
   * @return completes when the destination answered; exceptionally with a {@link
   *     BroadcastException} (or {@link IllegalStateException} after {@link #close()}) saying why
   *     not
   */
  default CompletableFuture<Void> ping() {
    return CompletableFuture.completedFuture(null);
  }

  /**
   * Releases the driver's resources (connections, threads). Decorators close what they wrap.
   * Idempotent; may block briefly (a queue drains within its bound).
   */
  @Override
  void close();
}
