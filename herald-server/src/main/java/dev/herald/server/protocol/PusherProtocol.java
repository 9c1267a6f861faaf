package dev.herald.server.protocol;

import dev.herald.pusher.PusherJson;
import dev.herald.server.app.App;
import dev.herald.server.app.AppRegistry;
import dev.herald.server.app.RateLimiter;
import dev.herald.server.channel.ChannelRegistry;
import dev.herald.server.channel.MessageCounts;
import dev.herald.server.cluster.Cluster;
import dev.herald.server.lifecycle.LifecycleEvent;
import dev.herald.server.lifecycle.LifecycleListener;
import dev.herald.server.protocol.PusherException.SubscriptionFailure;
import dev.herald.server.timer.Scheduler;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Pusher protocol v7, server side: turns client frames into subscribe, unsubscribe, ping and
 * client-event actions and replies. No transport types; the transport calls {@link #admit} on a
 * connection request, then {@link #onOpen}, {@link #onMessage} for each text frame, {@link
 * #onActivity} for every inbound frame, {@link #checkLiveness} periodically and {@link #onClose}
 * once. Every method runs on the connection's loop and never blocks.
 *
 * <p>This is the one place where a {@link PusherException} becomes a {@code pusher:error} (and a
 * close, when the error closes).
 */
public final class PusherProtocol {
  private static final Logger log = LoggerFactory.getLogger(PusherProtocol.class);

  private final ProtocolSettings settings;
  private final Clock clock;
  private final Handshake handshake;
  private final Subscriptions subscriptions;
  private final ClientEvents clientEvents;
  private final UserAuthentication users;
  private final LifecycleListener events;
  private final MessageCounts messages;
  private final String ping = PusherJson.heartbeat(PusherJson.PING);
  private final String pong = PusherJson.heartbeat(PusherJson.PONG);

  /**
   * @param settings timeouts and accepted protocol versions
   * @param apps the apps served
   * @param channels this node's subscriptions
   * @param cluster the broker and the stores the nodes share
   * @param signedIn the connections signed in as each user
   * @param events where lifecycle events go (must not block)
   * @param scheduler runs the deferred subscription counts
   * @param clock the time
   */
  public PusherProtocol(
      ProtocolSettings settings,
      AppRegistry apps,
      ChannelRegistry channels,
      Cluster cluster,
      SignedInUsers signedIn,
      LifecycleListener events,
      Scheduler scheduler,
      Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.events = events;
    this.messages = channels.messages();
    this.handshake = new Handshake(apps, settings);
    SubscriptionCounts counts = new SubscriptionCounts(cluster.broker(), events, scheduler, clock);
    this.subscriptions = new Subscriptions(channels, cluster, counts, events, clock);
    this.clientEvents = new ClientEvents(cluster.broker(), events, clock);
    this.users = new UserAuthentication(signedIn, channels, cluster);
  }

  /**
   * Checks a connection request (path, key, app state, protocol version, quota) and reserves a
   * connection slot for the app; every admitted connection must later reach {@link #onClose}.
   *
   * @throws PusherException a fatal error whose code the transport closes with
   */
  public App admit(String path, Map<String, List<String>> query) {
    return admit(path, query, null);
  }

  /**
   * {@link #admit(String, Map)} for a request with an {@code Origin} header ({@code origin}, or
   * null without one), refused with 4009 when the app does not allow it.
   */
  public App admit(String path, Map<String, List<String>> query, String origin) {
    return handshake.admit(path, query, origin);
  }

  /** A new socket id, {@code digits.digits} as the server SDKs require. */
  public String newSocketId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return random.nextLong(1, 10_000_000_000L) + "." + random.nextLong(1, 10_000_000_000L);
  }

  /** New protocol state for a connection that is about to open. */
  public ConnectionState newState() {
    return new ConnectionState(clock.millis());
  }

  /** Sends {@code pusher:connection_established}. */
  public void onOpen(Connection conn) {
    conn.send(PusherJson.connectionEstablished(conn.socketId(), settings.activityTimeoutSeconds()));
    events.on(
        new LifecycleEvent.ConnectionOpened(conn.app().id(), conn.socketId(), clock.millis()));
  }

  /** Handles one text message from the client. */
  public void onMessage(Connection conn, String text) {
    onActivity(conn);
    messages.received(conn.app().id());
    if (!withinMessageRate(conn)) {
      return;
    }
    try {
      ClientFrame frame = ClientFrame.parse(text);
      String event = frame.event();
      switch (event) {
        case PusherJson.PING -> conn.send(pong);
        case PusherJson.PONG -> {} // Liveness was refreshed above.
        case PusherJson.SUBSCRIBE -> subscriptions.subscribe(conn, frame);
        case PusherJson.UNSUBSCRIBE -> subscriptions.unsubscribe(conn, frame);
        case PusherJson.SIGNIN -> users.signin(conn, frame);
        default -> {
          if (event.startsWith(PusherJson.CLIENT_EVENT_PREFIX)) {
            clientEvents.trigger(conn, frame);
          } else {
            throw ClientFrame.invalid("Unknown event: " + ChannelText.cut(event));
          }
        }
      }
    } catch (PusherException e) {
      report(conn, e);
    }
  }

  /**
   * Whether the connection is within its app's {@code messages_per_second}. Beyond it the message
   * is dropped; the first drop of each second is answered with 4301, and a connection that has more
   * than the rate dropped within a second (it sends at twice the rate) is closed with 4100.
   */
  private boolean withinMessageRate(Connection conn) {
    ConnectionState state = conn.state();
    int rate = conn.app().limits().messagesPerSecond();
    long now = clock.millis();
    if (state.messages == null) {
      state.messages = new RateLimiter(rate, now);
    }
    if (state.messages.tryAcquire(now)) {
      return true;
    }
    if (now - state.dropWindowStartMillis >= 1000) {
      state.dropWindowStartMillis = now;
      state.droppedInWindow = 0;
    }
    state.droppedInWindow++;
    if (state.droppedInWindow == 1) {
      conn.send(
          PusherJson.error(
              PusherError.CLIENT_EVENT_RATE_LIMIT.code(),
              "Rate limit exceeded: more than "
                  + rate
                  + " messages per second (messages_per_second); messages are dropped"));
    } else if (state.droppedInWindow > rate) {
      conn.close(
          PusherError.OVER_CAPACITY,
          "Over capacity: sending at more than twice the rate of " + rate + " messages per second");
    }
    return false;
  }

  /** Any inbound frame, WebSocket control frames included, proves the client is alive. */
  public void onActivity(Connection conn) {
    ConnectionState state = conn.state();
    state.lastActivityMillis = clock.millis();
    state.pingSentMillis = -1;
  }

  /**
   * Pings a connection that has been silent for {@code activity_timeout}, closes with 4201 one that
   * has not answered a ping within the pong timeout, and, when the app requires authorized
   * connections, closes with 4009 one that neither signed in nor joined a private or presence
   * channel in time (§1.7).
   */
  public void checkLiveness(Connection conn) {
    ConnectionState state = conn.state();
    long now = clock.millis();
    var features = conn.app().features();
    if (features.requiresAuthorizedConnections()
        && !state.authorized
        && now - state.openedMillis >= features.authorizedConnectionTimeout().toMillis()) {
      conn.close(PusherError.UNAUTHORIZED, "Connection not authorized within timeout");
    } else if (state.pingSentMillis >= 0) {
      if (now - state.pingSentMillis >= settings.pongTimeoutSeconds() * 1000L) {
        conn.close(PusherError.PONG_TIMEOUT, "Pong reply not received in time");
      }
    } else if (now - state.lastActivityMillis >= settings.activityTimeoutSeconds() * 1000L) {
      state.pingSentMillis = now;
      conn.ping(ping);
    }
  }

  /** Cleans up after a closed connection: leaves its channels and frees its quota slot. */
  public void onClose(Connection conn) {
    ConnectionState state = conn.state();
    if (state.closed) {
      return;
    }
    state.closed = true;
    subscriptions.unsubscribeAll(conn);
    users.signout(conn);
    handshake.release(conn.app());
    log.debug(
        "app={} socket={} disconnected: {}", conn.app().id(), conn.socketId(), state.closeReason());
    events.on(
        new LifecycleEvent.ConnectionClosed(
            conn.app().id(), conn.socketId(), state.closeReason(), clock.millis()));
  }

  /** The app's open connections on this node. */
  public int openConnections(String appId) {
    return handshake.openConnections(appId);
  }

  static void report(Connection conn, PusherException e) {
    if (e.closes()) {
      conn.close(e.error(), e.getMessage());
      return;
    }
    SubscriptionFailure failure = e.subscriptionFailure();
    if (failure != null) {
      conn.send(
          PusherJson.subscriptionError(
              failure.channel(),
              failure.refusal().type(),
              e.getMessage(),
              failure.refusal().status()));
    }
    log.debug(
        "app={} socket={} rejected: {} {}",
        conn.app().id(),
        conn.socketId(),
        e.error().code(),
        e.getMessage());
    conn.send(PusherJson.error(e.error().code(), e.getMessage()));
  }
}
