package dev.herald.spring;

import static org.awaitility.Awaitility.await;

import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.PresenceChannelEventListener;
import com.pusher.client.channel.PrivateChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.channel.User;
import com.pusher.client.connection.ConnectionEventListener;
import com.pusher.client.connection.ConnectionState;
import com.pusher.client.connection.ConnectionStateChange;
import com.pusher.client.util.HttpChannelAuthorizer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The official pusher-java-client as a subscriber of the test app: it authorizes private and
 * presence channels at the app's {@code /broadcasting/auth} as a user (HTTP Basic), and records
 * what it hears. Every wait is bounded.
 */
public final class Subscriber implements AutoCloseable {
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** {@code "<channel> <event> <data>"} for each event, in arrival order. */
  public final List<String> events = new CopyOnWriteArrayList<>();

  public final Set<String> subscribed = ConcurrentHashMap.newKeySet();
  public final List<String> authFailures = new CopyOnWriteArrayList<>();
  public final Map<String, Set<String>> members = new ConcurrentHashMap<>();

  private final Pusher pusher;
  private final Listener listener = new Listener();

  private Subscriber(int port, String key, String authUrl, String user) {
    HttpChannelAuthorizer authorizer = new HttpChannelAuthorizer(authUrl);
    if (user != null) {
      String basic = user + ":" + user + "-password";
      authorizer.setHeaders(
          Map.of(
              "Authorization",
              "Basic "
                  + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8))));
    }
    PusherOptions options =
        new PusherOptions()
            .setHost("127.0.0.1")
            .setWsPort(port)
            .setUseTLS(false)
            .setMaxReconnectionAttempts(0)
            .setChannelAuthorizer(authorizer);
    pusher = new Pusher(key, options);
  }

  /** Connects to Herald on {@code port} as {@code user} (null: nobody), authorizing at authUrl. */
  public static Subscriber connect(int port, String key, String authUrl, String user) {
    Subscriber subscriber = new Subscriber(port, key, authUrl, user);
    subscriber.pusher.connect(subscriber.listener, ConnectionState.ALL);
    await("CONNECTED")
        .atMost(TIMEOUT)
        .until(() -> subscriber.pusher.getConnection().getState() == ConnectionState.CONNECTED);
    return subscriber;
  }

  public String socketId() {
    return pusher.getConnection().getSocketId();
  }

  /** Subscribes to a channel of any type and waits for the subscription to succeed. */
  public void subscribe(String channel, String... eventNames) {
    request(channel, eventNames);
    await(channel + " subscribed").atMost(TIMEOUT).until(() -> subscribed.contains(channel));
  }

  /** Asks to subscribe without waiting (for refusals). */
  public void request(String channel, String... eventNames) {
    if (channel.startsWith("presence-")) {
      pusher.subscribePresence(channel, listener, eventNames);
    } else if (channel.startsWith("private-")) {
      pusher.subscribePrivate(channel, listener, eventNames);
    } else {
      pusher.subscribe(channel, listener, eventNames);
    }
  }

  /** Waits for an event and returns the events so far. */
  public List<String> awaitEvent(String channel, String event) {
    await(event + " on " + channel)
        .atMost(TIMEOUT)
        .until(() -> events.stream().anyMatch(e -> e.startsWith(channel + " " + event + " ")));
    return List.copyOf(events);
  }

  @Override
  public void close() {
    pusher.disconnect();
  }

  private final class Listener
      implements ConnectionEventListener,
          PresenceChannelEventListener,
          PrivateChannelEventListener {
    @Override
    public void onConnectionStateChange(ConnectionStateChange change) {}

    @Override
    public void onError(String message, String code, Exception e) {}

    @Override
    public void onSubscriptionSucceeded(String channelName) {
      subscribed.add(channelName);
    }

    @Override
    public void onEvent(PusherEvent event) {
      events.add(event.getChannelName() + " " + event.getEventName() + " " + event.getData());
    }

    @Override
    public void onAuthenticationFailure(String message, Exception e) {
      authFailures.add(message);
    }

    @Override
    public void onUsersInformationReceived(String channelName, Set<User> users) {
      Set<String> ids = ConcurrentHashMap.newKeySet();
      ids.addAll(users.stream().map(User::getId).collect(Collectors.toSet()));
      members.put(channelName, ids);
    }

    @Override
    public void userSubscribed(String channelName, User user) {
      members.computeIfAbsent(channelName, c -> ConcurrentHashMap.newKeySet()).add(user.getId());
    }

    @Override
    public void userUnsubscribed(String channelName, User user) {
      members.computeIfAbsent(channelName, c -> ConcurrentHashMap.newKeySet()).remove(user.getId());
    }
  }
}
