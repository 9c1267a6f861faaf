package dev.herald.server.compat;

import static org.awaitility.Awaitility.await;

import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.Channel;
import com.pusher.client.channel.PresenceChannel;
import com.pusher.client.channel.PresenceChannelEventListener;
import com.pusher.client.channel.PrivateChannel;
import com.pusher.client.channel.PrivateEncryptedChannel;
import com.pusher.client.channel.PrivateEncryptedChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.channel.User;
import com.pusher.client.connection.ConnectionEventListener;
import com.pusher.client.connection.ConnectionState;
import com.pusher.client.connection.ConnectionStateChange;
import com.pusher.client.util.HttpChannelAuthorizer;
import com.pusher.client.util.HttpUserAuthenticator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionFactory;

/**
 * One official pusher-java-client connected to Herald, recording everything the client reports to
 * its listeners (connection states and errors, subscriptions, events, presence changes). Callbacks
 * arrive on the client's event thread; every wait here is bounded.
 */
final class JavaClient implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(10);

  /** What the connection listener heard from {@code onError}. */
  record ConnectionError(String message, String code) {}

  final List<ConnectionState> states = new CopyOnWriteArrayList<>();
  final List<ConnectionError> errors = new CopyOnWriteArrayList<>();
  final Set<String> subscribed = ConcurrentHashMap.newKeySet();
  final List<String> authFailures = new CopyOnWriteArrayList<>();
  final List<String> channelErrors = new CopyOnWriteArrayList<>();
  final List<PusherEvent> events = new CopyOnWriteArrayList<>();

  /** Subscriptions ({@code "<channel> subscribed"}) and events ({@code "<channel> <event>"}). */
  final List<String> timeline = new CopyOnWriteArrayList<>();

  final Map<String, List<String>> usersReceived = new ConcurrentHashMap<>();
  final List<String> usersAdded = new CopyOnWriteArrayList<>();
  final List<String> usersRemoved = new CopyOnWriteArrayList<>();

  private final Pusher pusher;
  private final Recorder recorder = new Recorder();

  private JavaClient(int port, String key, String authUrl, String userAuthUrl, int reconnects) {
    PusherOptions options =
        new PusherOptions()
            .setHost("127.0.0.1")
            .setWsPort(port)
            .setUseTLS(false)
            .setMaxReconnectionAttempts(reconnects)
            .setChannelAuthorizer(new HttpChannelAuthorizer(authUrl));
    if (userAuthUrl != null) {
      options.setUserAuthenticator(new HttpUserAuthenticator(userAuthUrl));
    }
    pusher = new Pusher(key, options);
  }

  /** A bounded wait that polls every 10 ms from the start. */
  static ConditionFactory waiting(String what) {
    return await(what).atMost(TIMEOUT).pollDelay(Duration.ZERO).pollInterval(POLL);
  }

  /** Connects and waits for {@code CONNECTED}. */
  static JavaClient connect(int port, String key, String authUrl) {
    return connect(port, key, authUrl, null, 0);
  }

  /**
   * Connects with a user authenticator at {@code userAuthUrl} (for {@link #signin}) and up to
   * {@code reconnects} reconnection attempts, and waits for {@code CONNECTED}.
   */
  static JavaClient connect(
      int port, String key, String authUrl, String userAuthUrl, int reconnects) {
    JavaClient client = new JavaClient(port, key, authUrl, userAuthUrl, reconnects);
    client.pusher.connect(client.recorder, ConnectionState.ALL);
    waiting("CONNECTED")
        .until(() -> client.pusher.getConnection().getState() == ConnectionState.CONNECTED);
    return client;
  }

  /**
   * Connects a client that signs in once connected: {@code pusher.signin()} is asked for before
   * {@code connect()}, so the client sends {@code pusher:signin} exactly once, from its own
   * CONNECTED handler. (Called after CONNECTED, pusher-java-client 2.4.4 can send it twice, from
   * that handler and from {@code signin()} itself, and then throws "Already subscribed" on the
   * second {@code signin_success}: a race in the client, not in the server.)
   */
  static JavaClient signedIn(
      int port, String key, String authUrl, String userAuthUrl, int reconnects, String... events) {
    JavaClient client = new JavaClient(port, key, authUrl, userAuthUrl, reconnects);
    client.bindUser(events);
    client.pusher.signin();
    client.pusher.connect(client.recorder, ConnectionState.ALL);
    waiting("CONNECTED")
        .until(() -> client.pusher.getConnection().getState() == ConnectionState.CONNECTED);
    return client;
  }

  String socketId() {
    return pusher.getConnection().getSocketId();
  }

  ConnectionState state() {
    return pusher.getConnection().getState();
  }

  /** The signed-in user's id, set once the client has handled {@code pusher:signin_success}. */
  String userId() {
    return pusher.user().userId();
  }

  /** Binds server-to-user events; they are recorded on channel {@code #server-to-user-{id}}. */
  void bindUser(String... eventNames) {
    for (String eventName : eventNames) {
      pusher.user().bind(eventName, recorder);
    }
  }

  Channel subscribe(String channel, String... eventNames) {
    return pusher.subscribe(channel, recorder, withErrors(eventNames));
  }

  PrivateChannel subscribePrivate(String channel, String... eventNames) {
    return pusher.subscribePrivate(channel, recorder, withErrors(eventNames));
  }

  PrivateEncryptedChannel subscribePrivateEncrypted(String channel, String... eventNames) {
    return pusher.subscribePrivateEncrypted(channel, recorder, withErrors(eventNames));
  }

  PresenceChannel subscribePresence(String channel, String... eventNames) {
    return pusher.subscribePresence(channel, recorder, withErrors(eventNames));
  }

  void unsubscribe(String channel) {
    pusher.unsubscribe(channel);
  }

  void awaitSubscribed(String channel) {
    waiting(channel + " subscribed").until(() -> subscribed.contains(channel));
  }

  /** Events named {@code event} that arrived on {@code channel}, in order. */
  List<PusherEvent> events(String channel, String event) {
    return events.stream()
        .filter(e -> channel.equals(e.getChannelName()) && event.equals(e.getEventName()))
        .collect(Collectors.toList());
  }

  /** Waits for the first event named {@code event} on {@code channel}. */
  PusherEvent awaitEvent(String channel, String event) {
    waiting(event + " on " + channel).until(() -> !events(channel, event).isEmpty());
    return events(channel, event).get(0);
  }

  /** Disconnects and waits for {@code DISCONNECTED}. */
  @Override
  public void close() {
    pusher.disconnect();
    waiting("DISCONNECTED").until(() -> state() == ConnectionState.DISCONNECTED);
  }

  /** Binds {@code pusher:subscription_error} too, so a server-sent one is recorded. */
  private static String[] withErrors(String... eventNames) {
    String[] names = java.util.Arrays.copyOf(eventNames, eventNames.length + 1);
    names[eventNames.length] = "pusher:subscription_error";
    return names;
  }

  private final class Recorder
      implements ConnectionEventListener,
          PresenceChannelEventListener,
          PrivateEncryptedChannelEventListener {
    @Override
    public void onConnectionStateChange(ConnectionStateChange change) {
      states.add(change.getCurrentState());
    }

    @Override
    public void onError(String message, String code, Exception e) {
      errors.add(new ConnectionError(message, code));
    }

    @Override
    public void onSubscriptionSucceeded(String channelName) {
      timeline.add(channelName + " subscribed");
      subscribed.add(channelName);
    }

    @Override
    public void onEvent(PusherEvent event) {
      timeline.add(event.getChannelName() + " " + event.getEventName());
      events.add(event);
    }

    @Override
    public void onAuthenticationFailure(String message, Exception e) {
      authFailures.add(message);
    }

    @Override
    public void onError(String message, Exception e) {
      channelErrors.add(message);
    }

    @Override
    public void onDecryptionFailure(String event, String reason) {
      channelErrors.add("decryption failed for " + event + ": " + reason);
    }

    @Override
    public void onUsersInformationReceived(String channelName, Set<User> users) {
      usersReceived.put(
          channelName, users.stream().map(User::getId).sorted().collect(Collectors.toList()));
    }

    @Override
    public void userSubscribed(String channelName, User user) {
      usersAdded.add(user.getId());
    }

    @Override
    public void userUnsubscribed(String channelName, User user) {
      usersRemoved.add(user == null ? "<unknown>" : user.getId());
    }
  }
}
