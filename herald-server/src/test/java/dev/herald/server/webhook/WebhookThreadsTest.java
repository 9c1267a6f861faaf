package dev.herald.server.webhook;

import static dev.herald.server.webhook.WebhookFixture.app;
import static dev.herald.server.webhook.WebhookFixture.endpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.server.app.StaticAppRegistry;
import dev.herald.server.lifecycle.LifecycleDispatcher;
import dev.herald.server.lifecycle.LifecycleEvent.ChannelOccupied;
import dev.herald.server.timer.ExecutorScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** HTTP calls run on the sender's own delivery threads, never on the caller's. */
class WebhookThreadsTest {
  @Test
  void postsOnDeliveryThreadsNotOnTheLifecycleDispatcherAndNeverBlocksIt() throws Exception {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    CountDownLatch release = new CountDownLatch(1);
    WebhookTransport slow =
        request -> {
          threads.add(Thread.currentThread().getName());
          release.await(10, TimeUnit.SECONDS); // a receiver that takes its time
          return 200;
        };
    ExecutorScheduler timers = new ExecutorScheduler();
    HttpWebhookSender sender =
        new HttpWebhookSender(
            new StaticAppRegistry(List.of(app(Duration.ZERO, endpoint("https://e.example/")))),
            Clock.systemUTC(),
            timers,
            Deliveries.threads(2),
            slow,
            WebhookSettings.DEFAULTS);
    try (LifecycleDispatcher dispatcher = new LifecycleDispatcher(List.of(sender), 100)) {
      for (int i = 0; i < 5; i++) {
        dispatcher.on(new ChannelOccupied("1", "c" + i, 0));
      }
      // Both delivery threads are busy in the receiver; the dispatcher thread is not one of them.
      await().atMost(Duration.ofSeconds(10)).until(() -> threads.size() == 2);
      assertThat(sender.deliveredRequests()).isZero();
      release.countDown();
      await().atMost(Duration.ofSeconds(10)).until(() -> sender.deliveredRequests() == 5);
    } finally {
      release.countDown();
      sender.close();
      timers.close();
    }
    assertThat(threads).allMatch(name -> name.matches("herald-webhook-\\d+")).hasSize(2);
  }
}
