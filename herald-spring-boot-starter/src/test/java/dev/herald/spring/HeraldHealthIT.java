package dev.herald.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.server.HeraldServer;
import dev.herald.spring.shop.ShopApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Actuator's {@code herald} health follows the Herald server the app sends to. */
@SpringBootTest(
    classes = ShopApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "management.endpoint.health.show-details=always")
class HeraldHealthIT {
  static final HeraldServer herald =
      HeraldServer.start(SpringBootHeraldIT.config(java.util.List.of()));

  @LocalServerPort int port;

  @DynamicPropertySource
  static void herald(DynamicPropertyRegistry registry) {
    registry.add("herald.url", () -> "http://127.0.0.1:" + herald.port());
    registry.add("herald.app-id", () -> SpringBootHeraldIT.ID);
    registry.add("herald.app-key", () -> SpringBootHeraldIT.KEY);
    registry.add("herald.app-secret", () -> SpringBootHeraldIT.SECRET);
  }

  private static final java.util.concurrent.atomic.AtomicBoolean stopped =
      new java.util.concurrent.atomic.AtomicBoolean();

  @AfterAll
  static void stopHerald() {
    stop();
  }

  private static void stop() {
    if (stopped.compareAndSet(false, true)) {
      herald.close();
    }
  }

  @Test
  void isUpWhileHeraldAnswersAndDownWithTheReasonOnceItIsStopped() throws Exception {
    HttpResponse<String> up = health();
    assertThat(up.statusCode()).isEqualTo(200);
    JsonNode herald = new ObjectMapper().readTree(up.body()).path("components").path("herald");
    assertThat(herald.path("status").asText()).isEqualTo("UP");
    assertThat(herald.path("details").path("driver").asText()).isEqualTo("herald");

    stop();

    await("DOWN").atMost(Subscriber.TIMEOUT).until(() -> health().statusCode() == 503);
    JsonNode down = new ObjectMapper().readTree(health().body()).path("components").path("herald");
    assertThat(down.path("status").asText()).isEqualTo("DOWN");
    assertThat(down.path("details").path("error").asText())
        .contains("/apps/" + SpringBootHeraldIT.ID + "/channels")
        .doesNotContain(SpringBootHeraldIT.SECRET);
  }

  @Test
  void isDownWhenHeraldRefusesTheAppsSecret() throws Exception {
    try (HeraldServer other =
            HeraldServer.start(
                dev.herald.server.ServerConfig.DEFAULTS
                    .withAddress("127.0.0.1", 0)
                    .withApps(
                        java.util.List.of(
                            dev.herald.server.app.App.of(
                                SpringBootHeraldIT.ID,
                                SpringBootHeraldIT.KEY,
                                "another-secret"))));
        dev.herald.HttpBroadcaster wrongSecret =
            dev.herald.HttpBroadcaster.builder()
                .url("http://127.0.0.1:" + other.port())
                .app(SpringBootHeraldIT.ID, SpringBootHeraldIT.KEY, SpringBootHeraldIT.SECRET)
                .build()) {
      assertThat(new HeraldHealthIndicator(wrongSecret, "herald").health().getDetails())
          .containsEntry("driver", "herald")
          .hasEntrySatisfying("error", error -> assertThat(error.toString()).contains("401"));
    }
  }

  private HttpResponse<String> health() throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
