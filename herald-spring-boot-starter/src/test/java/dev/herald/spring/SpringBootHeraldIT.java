package dev.herald.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.WebhookEvent;
import dev.herald.pusher.Signatures;
import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.app.Webhook;
import dev.herald.spring.shop.OrderShipped;
import dev.herald.spring.shop.Orders;
import dev.herald.spring.shop.ShopApplication;
import dev.herald.spring.shop.WebhookLog;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter in a Spring Boot app (Spring MVC, Security, JDBC on H2) against a real Herald server,
 * with the official pusher-java-client as subscriber and pusher-js's form posts to the endpoints.
 */
@SpringBootTest(
    classes = ShopApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "herald.webhooks.enabled=true")
class SpringBootHeraldIT {
  static final String ID = "shop";
  static final String KEY = "shop-key";
  static final String SECRET = "shop-secret";

  static final HeraldServer herald = HeraldServer.start(config(List.of()));

  @Autowired Orders orders;
  @Autowired ApplicationEventPublisher events;
  @Autowired WebhookLog webhooks;
  @Autowired MeterRegistry meters;
  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  static ServerConfig config(List<Webhook> webhooks) {
    return ServerConfig.DEFAULTS
        .withAddress("127.0.0.1", 0)
        .withApps(List.of(App.of(ID, KEY, SECRET).withWebhooks(webhooks)));
  }

  @DynamicPropertySource
  static void herald(DynamicPropertyRegistry registry) {
    registry.add("herald.url", () -> "http://127.0.0.1:" + herald.port());
    registry.add("herald.app-id", () -> ID);
    registry.add("herald.app-key", () -> KEY);
    registry.add("herald.app-secret", () -> SECRET);
  }

  @AfterAll
  static void stopHerald() {
    herald.close();
  }

  @Test
  void broadcastsAPublishedEventOnceItsTransactionCommitsAndNothingWhenItRollsBack() {
    try (Subscriber alice = subscriber("alice")) {
      alice.subscribe("private-orders.1", "OrderShipped");

      try {
        orders.ship(1, "rolled back", true);
      } catch (IllegalStateException expected) {
        // the transaction rolled back
      }
      orders.ship(1, "DHL", false);

      // The committed event arrives, and it is the first: the rolled-back one was never sent.
      assertThat(alice.awaitEvent("private-orders.1", "OrderShipped"))
          .containsExactly("private-orders.1 OrderShipped {\"orderId\":1,\"carrier\":\"DHL\"}");
      assertThat(orders.shipments(1)).isEqualTo(1);
      assertThat(meters.get("herald.broadcasts").tag("outcome", "sent").timer().count())
          .isPositive();
    }
  }

  @Test
  void sendsAnEventPublishedOutsideATransactionAtOnce() {
    try (Subscriber bob = subscriber("bob")) {
      bob.subscribe("private-orders.2", "OrderShipped");
      events.publishEvent(new OrderShipped(2, "UPS"));
      assertThat(bob.awaitEvent("private-orders.2", "OrderShipped"))
          .containsExactly("private-orders.2 OrderShipped {\"orderId\":2,\"carrier\":\"UPS\"}");
    }
  }

  @Test
  void leavesOutTheClientWhoseRequestCarriedItsSocketId() throws Exception {
    try (Subscriber sender = subscriber("alice");
        Subscriber other = subscriber("alice")) {
      sender.subscribe("private-orders.1", "OrderShipped");
      other.subscribe("private-orders.1", "OrderShipped");

      HttpResponse<String> shipped =
          http.send(
              HttpRequest.newBuilder(uri("/orders/1/ship"))
                  .header("X-Socket-ID", sender.socketId())
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(shipped.statusCode()).isEqualTo(204);
      other.awaitEvent("private-orders.1", "OrderShipped");

      // A marker sent after it reaches the sender first: the shipment never came to it.
      events.publishEvent(new OrderShipped(1, "marker"));
      assertThat(sender.awaitEvent("private-orders.1", "OrderShipped"))
          .containsExactly("private-orders.1 OrderShipped {\"orderId\":1,\"carrier\":\"marker\"}");
    }
  }

  @Test
  void signsAPusherJsFormPostForTheChannelsOwner() throws Exception {
    HttpResponse<String> answer =
        post("/broadcasting/auth", "alice", "socket_id=1234.5678&channel_name=private-orders.1");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(json(answer).get("auth").asText())
        .isEqualTo(Signatures.channelAuth(KEY, SECRET, "1234.5678", "private-orders.1", null));
  }

  @Test
  void refusesAnotherUsersChannelAndRequestsWithoutAUser() throws Exception {
    HttpResponse<String> denied =
        post("/broadcasting/auth", "bob", "socket_id=1234.5678&channel_name=private-orders.1");
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(json(denied).get("error").asText()).contains("private-orders.1");

    HttpResponse<String> anonymous =
        post("/broadcasting/auth", null, "socket_id=1234.5678&channel_name=private-orders.1");
    assertThat(anonymous.statusCode()).isEqualTo(403);
    assertThat(json(anonymous).get("error").asText()).contains("sign in");

    HttpResponse<String> wrongType =
        post("/broadcasting/auth", "alice", "socket_id=1234.5678&channel_name=private-orders.x");
    assertThat(wrongType.statusCode()).isEqualTo(403); // orderId is a long: "x" does not convert
  }

  @Test
  void answersAMalformedRequestWith400AndSaysWhatIsWrong() throws Exception {
    HttpResponse<String> noSocket =
        post("/broadcasting/auth", "alice", "channel_name=private-orders.1");
    assertThat(noSocket.statusCode()).isEqualTo(400);
    assertThat(json(noSocket).get("error").asText()).contains("socket_id");

    HttpResponse<String> badSocket =
        post("/broadcasting/auth", "alice", "socket_id=abc&channel_name=private-orders.1");
    assertThat(badSocket.statusCode()).isEqualTo(400);

    HttpResponse<String> publicChannel =
        post("/broadcasting/auth", "alice", "socket_id=1234.5678&channel_name=orders");
    assertThat(publicChannel.statusCode()).isEqualTo(400);
    assertThat(json(publicChannel).get("error").asText()).contains("public channel");
  }

  @Test
  void acceptsTheSameFieldsAsJson() throws Exception {
    HttpResponse<String> answer =
        http.send(
            authorized("/broadcasting/auth", "alice")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"socket_id\":\"1.2\",\"channel_name\":\"private-orders.1\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(json(answer).get("auth").asText())
        .isEqualTo(Signatures.channelAuth(KEY, SECRET, "1.2", "private-orders.1", null));
  }

  @Test
  void subscribesAPrivateChannelEndToEndAndRefusesAnotherUsers() {
    try (Subscriber bob = subscriber("bob")) {
      bob.subscribe("private-orders.2");
      bob.request("private-orders.1");
      await("the refusal").atMost(Subscriber.TIMEOUT).until(() -> !bob.authFailures.isEmpty());
      assertThat(bob.authFailures.get(0)).contains("403");
      assertThat(bob.subscribed).doesNotContain("private-orders.1");
    }
  }

  @Test
  void joinsAPresenceChannelAsTheMemberAMapRuleDescribes() {
    try (Subscriber alice = subscriber("alice");
        Subscriber bob = subscriber("bob")) {
      alice.subscribe("presence-kitchen.7");
      bob.subscribe("presence-kitchen.7");
      await("both members")
          .atMost(Subscriber.TIMEOUT)
          .until(() -> Set.of("alice", "bob").equals(alice.members.get("presence-kitchen.7")));
    }
  }

  @Test
  void signsAUserSignInWithThePrincipalsName() throws Exception {
    HttpResponse<String> answer = post("/broadcasting/user-auth", "alice", "socket_id=1234.5678");
    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode body = json(answer);
    String userData = body.get("user_data").asText();
    assertThat(new ObjectMapper().readTree(userData).get("id").asText()).isEqualTo("alice");
    assertThat(body.get("auth").asText())
        .isEqualTo(Signatures.userAuth(KEY, SECRET, "1234.5678", userData));
  }

  @Test
  void republishesVerifiedWebhooksAsApplicationEventsAndRefusesBadSignatures() throws Exception {
    Webhook toTheApp =
        new Webhook(
            uri("/broadcasting/webhooks"), Set.of("channel_occupied"), null, null, Map.of());
    try (HeraldServer withWebhooks = HeraldServer.start(config(List.of(toTheApp)));
        Subscriber watcher =
            Subscriber.connect(
                withWebhooks.port(), KEY, uri("/broadcasting/auth").toString(), null)) {
      watcher.subscribe("webhook-test");
      await("channel_occupied as an application event")
          .atMost(Subscriber.TIMEOUT)
          .until(() -> webhooks.events.contains(new WebhookEvent.ChannelOccupied("webhook-test")));
    }

    HttpResponse<String> forged =
        http.send(
            HttpRequest.newBuilder(uri("/broadcasting/webhooks"))
                .header("X-Pusher-Key", KEY)
                .header("X-Pusher-Signature", "0".repeat(64))
                .POST(HttpRequest.BodyPublishers.ofString("{\"time_ms\":1,\"events\":[]}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.body()).doesNotContain(SECRET);
  }

  private Subscriber subscriber(String user) {
    return Subscriber.connect(herald.port(), KEY, uri("/broadcasting/auth").toString(), user);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private HttpRequest.Builder authorized(String path, String user) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
    if (user != null) {
      String basic = user + ":" + user + "-password";
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }
    return request;
  }

  /** As pusher-js posts: a urlencoded form. */
  private HttpResponse<String> post(String path, String user, String form)
      throws IOException, InterruptedException {
    return http.send(
        authorized(path, user)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return new ObjectMapper().readTree(response.body());
  }
}
