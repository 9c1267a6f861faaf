package dev.herald.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.Broadcasters;
import dev.herald.spring.server.EmbeddedHeraldServer;
import dev.herald.spring.shop.OrderShipped;
import dev.herald.spring.shop.Orders;
import dev.herald.spring.shop.ShopApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;

/**
 * {@code herald.server.enabled=true}: a Herald server inside the app, on the development app, that
 * pusher-java-client connects to and the app broadcasts to in-process.
 */
@SpringBootTest(
    classes = ShopApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"herald.server.enabled=true", "herald.server.port=0"})
class EmbeddedServerIT {
  @Autowired EmbeddedHeraldServer server;
  @Autowired Orders orders;
  @Autowired ApplicationEventPublisher events;

  @Value("${local.herald.port}")
  int heraldPort;

  @LocalServerPort int port;

  @Test
  void publishesTheLocalPortAndDeliversCommittedEventsToAuthorizedSubscribers() {
    assertThat(heraldPort).isEqualTo(server.port()).isPositive();
    try (Subscriber alice =
        Subscriber.connect(
            heraldPort,
            Broadcasters.DEVELOPMENT_APP_KEY,
            "http://127.0.0.1:" + port + "/broadcasting/auth",
            "alice")) {
      alice.subscribe("private-orders.1", "OrderShipped");
      orders.ship(1, "embedded", false);
      assertThat(alice.awaitEvent("private-orders.1", "OrderShipped"))
          .containsExactly(
              "private-orders.1 OrderShipped {\"orderId\":1,\"carrier\":\"embedded\"}");

      events.publishEvent(new OrderShipped(1, "at once"));
      alice.awaitEvent("private-orders.1", "OrderShipped");
    }
  }
}
