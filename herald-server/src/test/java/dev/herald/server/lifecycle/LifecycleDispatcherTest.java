package dev.herald.server.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LifecycleDispatcherTest {
  private static LifecycleEvent opened(int i) {
    return new LifecycleEvent.ConnectionOpened("1", "1." + i, i);
  }

  @Test
  void deliversInOrderOnItsOwnThreadAndSurvivesFailingListeners() {
    List<String> threads = new CopyOnWriteArrayList<>();
    List<LifecycleEvent> heard = new CopyOnWriteArrayList<>();
    LifecycleListener failing =
        e -> {
          throw new IllegalStateException("listener bug");
        };
    try (LifecycleDispatcher dispatcher =
        new LifecycleDispatcher(
            List.of(failing, e -> threads.add(Thread.currentThread().getName()), heard::add), 16)) {
      for (int i = 0; i < 5; i++) {
        dispatcher.on(opened(i));
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> heard.size() == 5);
    }
    assertThat(heard).containsExactly(opened(0), opened(1), opened(2), opened(3), opened(4));
    assertThat(threads).containsOnly("herald-lifecycle");
  }

  @Test
  void dropsAndCountsInsteadOfBlockingWhenTheQueueIsFull() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    LifecycleListener slow =
        e -> {
          started.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
          }
        };
    try (LifecycleDispatcher dispatcher = new LifecycleDispatcher(List.of(slow), 2)) {
      dispatcher.on(opened(0));
      assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
      for (int i = 1; i <= 5; i++) {
        dispatcher.on(opened(i)); // 2 fit in the queue, 3 are dropped; none blocks
      }
      assertThat(dispatcher.dropped()).isEqualTo(3);
      release.countDown();
    }
  }

  @Test
  void costsNothingWithoutListeners() {
    try (LifecycleDispatcher dispatcher = new LifecycleDispatcher(List.of(), 1)) {
      for (int i = 0; i < 10; i++) {
        dispatcher.on(opened(i));
      }
      assertThat(dispatcher.dropped()).isZero();
    }
  }
}
