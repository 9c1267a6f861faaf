package dev.herald;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.herald.pusher.PusherJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Ably driver against a local stand-in for Ably's REST API (Ably itself is out of reach from
 * the build) that records the exact requests: paths, Basic auth and bodies.
 */
class AblyBroadcasterTest {
  private static final String KEY = "appid.keyid:ably-key-secret";

  /** One request the stand-in received. */
  record Received(String method, String rawPath, String authorization, String body) {
    JsonNode json() {
      try {
        return PusherJson.mapper().readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile int status = 201;
  private volatile String answer = "{\"channel\":\"x\",\"messageId\":\"m1\"}";
  private HttpServer ably;

  @BeforeEach
  void start() throws IOException {
    ably = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    ably.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          received.add(
              new Received(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getRawPath(),
                  exchange.getRequestHeaders().getFirst("Authorization"),
                  new String(body, StandardCharsets.UTF_8)));
          byte[] reply = answer.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, reply.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
          }
        });
    ably.start();
  }

  @AfterEach
  void stop() {
    ably.stop(0);
  }

  private Broadcaster broadcaster() {
    return Broadcasters.standard()
        .create(
            DriverSettings.fromEnvironment(
                Map.of(
                    "HERALD_DRIVER",
                    "ably",
                    "HERALD_ABLY_KEY",
                    KEY,
                    "HERALD_URL",
                    "http://127.0.0.1:" + ably.getAddress().getPort())));
  }

  @Test
  void publishesOnEachChannelsAblyNameWithBasicAuthAndJsonData() {
    try (Broadcaster broadcaster = broadcaster()) {
      assertThat(broadcaster).isInstanceOf(AblyBroadcaster.class);
      broadcaster
          .on(
              Channel.publicChannel("orders"),
              Channel.privateChannel("orders.7"),
              Channel.presenceChannel("room"))
          .as("OrderShipped")
          .withJson("{\"id\":7}")
          .send()
          .join();
    }

    assertThat(received)
        .extracting(Received::rawPath)
        .containsExactlyInAnyOrder(
            "/channels/public%3Aorders/messages",
            "/channels/private%3Aorders.7/messages", "/channels/presence%3Aroom/messages");
    String basic =
        "Basic " + Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.UTF_8));
    for (Received request : received) {
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.authorization()).isEqualTo(basic);
      assertThat(request.json().path("name").asText()).isEqualTo("OrderShipped");
      assertThat(request.json().path("data").asText()).isEqualTo("{\"id\":7}");
      assertThat(request.json().path("encoding").asText()).isEqualTo("json");
    }
  }

  @Test
  void reportsAblysRefusalWithItsStatusAndMessageButNeverTheKey() {
    status = 401;
    answer =
        "{\"error\":{\"message\":\"Invalid key in request\",\"code\":40101,\"statusCode\":401}}";
    try (Broadcaster broadcaster = broadcaster()) {
      assertThatThrownBy(
              () -> broadcaster.on(Channel.publicChannel("a")).as("x").withJson("{}").send().join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOfSatisfying(
              BroadcastException.class,
              e -> {
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.retryable()).isFalse();
                assertThat(e.getMessage())
                    .isEqualTo("Ably publish on public:a answered 401: Invalid key in request")
                    .doesNotContain("ably-key-secret");
              });
    }
  }

  @Test
  void pingsWithTheKeyAndFailsWhenAblyRefusesIt() {
    try (Broadcaster broadcaster = broadcaster()) {
      broadcaster.ping().join();
      assertThat(received.get(0).method()).isEqualTo("GET");
      assertThat(received.get(0).rawPath()).isEqualTo("/channels/public%3Aherald-ping");
      assertThat(received.get(0).authorization()).startsWith("Basic ");

      status = 401;
      assertThatThrownBy(() -> broadcaster.ping().join())
          .hasCauseInstanceOf(BroadcastException.class);
    }
  }

  @Test
  void signsChannelAuthAsLaravelsAblyBroadcasterDoes() throws Exception {
    AblyBroadcaster broadcaster = new AblyBroadcaster(KEY);

    JsonNode privateAuth =
        PusherJson.mapper().readTree(broadcaster.channelAuth("private-orders.7", "123.456", null));
    assertThat(privateAuth.path("auth").asText())
        .isEqualTo("appid.keyid:" + hmac("123.456:private-orders.7"));
    assertThat(privateAuth.has("channel_data")).isFalse();

    PresenceMember ann =
        new PresenceMember("42", PusherJson.mapper().createObjectNode().put("name", "Ann"));
    JsonNode presenceAuth =
        PusherJson.mapper().readTree(broadcaster.channelAuth("presence-room", "123.456", ann));
    String channelData = "{\"user_id\":\"42\",\"user_info\":{\"name\":\"Ann\"}}";
    assertThat(presenceAuth.path("channel_data").asText()).isEqualTo(channelData);
    assertThat(presenceAuth.path("auth").asText())
        .isEqualTo("appid.keyid:" + hmac("123.456:presence-room:" + channelData));
  }

  @Test
  void namesTheSettingOfAMissingOrMalformedKeyWithoutRepeatingIt() {
    Broadcasters drivers = Broadcasters.standard();
    assertThatThrownBy(
            () -> drivers.create(DriverSettings.fromEnvironment(Map.of("HERALD_DRIVER", "ably"))))
        .hasMessageContaining("HERALD_ABLY_KEY")
        .hasMessageContaining("not set");
    assertThatThrownBy(
            () ->
                drivers.create(
                    DriverSettings.fromEnvironment(
                        Map.of("HERALD_DRIVER", "ably", "HERALD_ABLY_KEY", "no-colon-secret"))))
        .hasMessageContaining("HERALD_ABLY_KEY")
        .hasMessageContaining("appId.keyId:secret")
        .hasMessageNotContaining("no-colon-secret");
  }

  private static String hmac(String text) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("ably-key-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }
}
