package dev.herald.server.timer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExecutorSchedulerTest {
  @Test
  void runsTasksInTimeOrderOnOneTimerThreadAndSurvivesAFailingOne() throws InterruptedException {
    List<String> ran = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(1);
    try (ExecutorScheduler timers = new ExecutorScheduler()) {
      timers.schedule(
          () -> {
            ran.add("later on " + Thread.currentThread().getName());
            done.countDown();
          },
          Duration.ofMillis(50));
      timers.schedule(
          () -> {
            throw new IllegalStateException("a failing task");
          },
          Duration.ZERO);
      timers.schedule(() -> ran.add("first"), Duration.ZERO);

      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(ran).containsExactly("first", "later on herald-timers");
  }

  @Test
  void dropsTasksOnceClosed() {
    ExecutorScheduler timers = new ExecutorScheduler();
    timers.close();
    timers.close();

    timers.schedule(() -> {}, Duration.ZERO); // no exception: the caller is stopping too
  }
}
