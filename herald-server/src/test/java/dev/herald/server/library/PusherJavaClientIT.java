package dev.herald.server.library;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pusher.client.ChannelAuthorizer;
import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.PrivateChannelEventListener;
import com.pusher.client.channel.PrivateEncryptedChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.connection.ConnectionEventListener;
import com.pusher.client.connection.ConnectionState;
import com.pusher.client.connection.ConnectionStateChange;
import dev.herald.Broadcaster;
import dev.herald.BroadcasterContract;
import dev.herald.BroadcasterContract.OrderShipped;
import dev.herald.Channel;
import dev.herald.EncryptionMasterKey;
import dev.herald.HttpBroadcaster;
import dev.herald.pusher.PusherJson;
import dev.herald.pusher.Signatures;
import dev.herald.server.EmbeddedHerald;
import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * End to end with the official {@code com.pusher:pusher-java-client}: what the library sends
 * through a running Herald, the Pusher client receives, including events on an encrypted channel,
 * which it decrypts with the key its authorizer hands out.
 */
class PusherJavaClientIT {
  private static final String KEY = "app-key";
  private static final String SECRET = "app-secret";
  private static final EncryptionMasterKey MASTER_KEY = BroadcasterContract.MASTER_KEY;
  private static final ServerConfig CONFIG =
      ServerConfig.DEFAULTS.withAddress("127.0.0.1", 0).withApps(List.of(App.of("1", KEY, SECRET)));

  private final BlockingQueue<PusherEvent> received = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> problems = new LinkedBlockingQueue<>();
  private Pusher client;
  private AutoCloseable server;

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.disconnect();
    }
    server.close();
  }

  @Test
  void theOfficialJavaClientReceivesWhatHttpBroadcasterSendsExceptWhatLeavesItOut() {
    HeraldServer herald = HeraldServer.start(CONFIG);
    server = herald;
    connect(herald.port());
    subscribe("private-orders.42");
    try (Broadcaster broadcaster = http(herald.port())) {
      String own = client.getConnection().getSocketId();
      broadcaster
          .on(Channel.privateChannel("orders.42"))
          .as("OrderShipped")
          .toOthers(own)
          .send()
          .join();
      broadcaster
          .on(Channel.privateChannel("orders.42"))
          .as("OrderShipped")
          .with(new OrderShipped(42, "DHL"))
          .send()
          .join();
    }
    PusherEvent event = next();
    assertThat(event.getChannelName()).isEqualTo("private-orders.42");
    assertThat(event.getEventName()).isEqualTo("OrderShipped");
    assertThat(event.getData()).isEqualTo("{\"orderId\":42,\"carrier\":\"DHL\"}");
    assertThat(received).isEmpty(); // the excluded one never came before it
  }

  @Test
  void theOfficialJavaClientDecryptsWhatHttpBroadcasterEncrypts() {
    HeraldServer herald = HeraldServer.start(CONFIG);
    server = herald;
    connect(herald.port());
    subscribe("private-encrypted-inbox.7");
    try (Broadcaster broadcaster = http(herald.port())) {
      broadcaster
          .on(Channel.encryptedChannel("inbox.7"))
          .as("message")
          .withJson("{\"text\":\"for your eyes only\"}")
          .send()
          .join();
    }
    PusherEvent event = next();
    assertThat(event.getEventName()).isEqualTo("message");
    assertThat(event.getData()).isEqualTo("{\"text\":\"for your eyes only\"}");
    assertThat(problems).isEmpty();
  }

  @Test
  void theOfficialJavaClientDecryptsWhatTheEmbeddedServerBroadcasts() {
    EmbeddedHerald herald = HeraldServer.embedded(CONFIG, MASTER_KEY);
    server = herald;
    connect(herald.port());
    subscribe("private-encrypted-inbox.7");
    herald
        .on(Channel.encryptedChannel("inbox.7"))
        .as("message")
        .withJson("{\"n\":1}")
        .send()
        .join();
    assertThat(next().getData()).isEqualTo("{\"n\":1}");
    assertThat(problems).isEmpty();
  }

  private static Broadcaster http(int port) {
    return HttpBroadcaster.builder()
        .url("http://127.0.0.1:" + port)
        .app("1", KEY, SECRET)
        .encryptionMasterKey(MASTER_KEY)
        .build();
  }

  /** An app's auth endpoint in miniature: signs the subscription, adds the channel's key. */
  private static final ChannelAuthorizer AUTHORIZER =
      (channel, socketId) -> {
        ObjectNode response = PusherJson.mapper().createObjectNode();
        response.put("auth", Signatures.channelAuth(KEY, SECRET, socketId, channel, null));
        if (Channel.of(channel).isEncrypted()) {
          response.put("shared_secret", MASTER_KEY.sharedSecret(channel));
        }
        return PusherJson.string(response);
      };

  private void connect(int port) {
    PusherOptions options =
        new PusherOptions()
            .setHost("127.0.0.1")
            .setWsPort(port)
            .setUseTLS(false)
            .setChannelAuthorizer(AUTHORIZER);
    client = new Pusher(KEY, options);
    CountDownLatch connected = new CountDownLatch(1);
    client.connect(
        new ConnectionEventListener() {
          @Override
          public void onConnectionStateChange(ConnectionStateChange change) {
            if (change.getCurrentState() == ConnectionState.CONNECTED) {
              connected.countDown();
            }
          }

          @Override
          public void onError(String message, String code, Exception e) {
            problems.add("connection: " + message);
          }
        },
        ConnectionState.ALL);
    await(connected, "connected");
  }

  private void subscribe(String channel) {
    CountDownLatch subscribed = new CountDownLatch(1);
    PrivateEncryptedChannelEventListener listener =
        new PrivateEncryptedChannelEventListener() {
          @Override
          public void onSubscriptionSucceeded(String name) {
            subscribed.countDown();
          }

          @Override
          public void onAuthenticationFailure(String message, Exception e) {
            problems.add("auth: " + message);
          }

          @Override
          public void onDecryptionFailure(String event, String reason) {
            problems.add("decryption: " + reason);
          }

          @Override
          public void onEvent(PusherEvent event) {
            received.add(event);
          }
        };
    if (Channel.of(channel).isEncrypted()) {
      client.subscribePrivateEncrypted(channel, listener, "message");
    } else {
      client.subscribePrivate(channel, (PrivateChannelEventListener) listener, "OrderShipped");
    }
    await(subscribed, "subscribed to " + channel);
  }

  private PusherEvent next() {
    try {
      PusherEvent event = received.poll(10, TimeUnit.SECONDS);
      assertThat(event).as("an event within 10 s; problems: %s", problems).isNotNull();
      return event;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private void await(CountDownLatch latch, String what) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).as(what + "; problems: " + problems).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
