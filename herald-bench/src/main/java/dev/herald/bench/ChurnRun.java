package dev.herald.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Scenario S5, churn: {@code --steady} subscribers stay on channel {@code churn} and receive a
 * light publish ({@code --publish-rate}); meanwhile churners are opened open-loop at {@code --rate}
 * per second for {@code --seconds}: each connects, subscribes to the same channel and closes at
 * once, every other one with a WebSocket close handshake, the rest by dropping the TCP connection.
 * The server's descriptors, live heap and RSS are taken after a warm-up churn and again once the
 * churn has settled: they should be back at the baseline. Writes one {@link ChurnResult}.
 *
 * <p>Options: the shared ones and {@code --steady 500 --rate 300 --seconds 60 --warmup-seconds 5
 * --publish-rate 5 --max-in-flight 512 --settle-seconds 30}.
 */
public final class ChurnRun {
  private ChurnRun() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Options o = new Options(args);
    Options.Endpoint endpoint = o.endpoint();
    ServerProbe probe = o.probe();
    String channel = o.string("channel", "churn");
    int steadyCount = o.integer("steady", 500);
    double rate = o.number("rate", 300);
    int seconds = o.integer("seconds", 60);
    double publishRate = o.number("publish-rate", 5);
    long settleMillis = 1000L * o.integer("settle-seconds", 30);
    String server = o.server();

    Deliveries deliveries = new Deliveries();
    Behavior steadyBehavior = Behavior.subscribe(endpoint.key(), endpoint.secret(), channel);
    Behavior churnBehavior =
        new Behavior() {
          @Override
          public List<String> onEstablished(ClientHandler conn, String socketId) {
            return List.of(
                Subscription.message(endpoint.key(), endpoint.secret(), socketId, channel, null));
          }

          @Override
          public void onReady(ClientHandler conn) {
            if (conn.index() % 2 == 0) {
              conn.closeCleanly();
            } else {
              conn.closeAbruptly();
            }
          }
        };
    try (LoadClient steady = new LoadClient(endpoint.ws(), steadyBehavior, deliveries, 256);
        LoadClient churn =
            new LoadClient(endpoint.ws(), churnBehavior, null, o.integer("max-in-flight", 512));
        Publisher publisher = endpoint.publisher()) {
      int subscribed = steady.connect(steadyCount, 120_000);
      System.out.printf("%s: %d/%d steady subscribers%n", server, subscribed, steadyCount);
      Stepper stepper = new Stepper(publisher, deliveries, probe, 5_000);
      Publisher.Trigger trigger = Publisher.event(channel, 0);

      // Warm-up churn, so what the first churners load and cache is in the baseline.
      AtomicLong skipped = new AtomicLong();
      Thread warm = churner(churn, rate, o.integer("warmup-seconds", 5), skipped);
      stepper.run(
          0, publishRate, o.integer("warmup-seconds", 5), trigger, () -> subscribed, subscribed);
      warm.join();
      settle(churn, probe, -1, settleMillis);
      IdleResult.Footprint before = IdleResult.Footprint.of(probe.sample(true));
      int openedBefore = churn.opened();
      int readyBefore = churn.subscribed();
      int failedBefore = churn.failed();
      int lostBefore = steady.lost();
      System.out.printf("%s: before the churn: %s%n", server, before);

      skipped.set(0);
      Thread run = churner(churn, rate, seconds, skipped);
      StepResult during =
          stepper.run(1, publishRate, seconds, trigger, () -> subscribed, subscribed);
      run.join();
      long t0 = System.nanoTime();
      boolean back = settle(churn, probe, before.fds(), settleMillis);
      double toBaseline = back ? (System.nanoTime() - t0) / 1e9 : -1;
      IdleResult.Footprint after = IdleResult.Footprint.of(probe.sample(true));
      ChurnResult result =
          new ChurnResult(
              server,
              subscribed,
              rate,
              seconds,
              churn.opened() - openedBefore,
              churn.subscribed() - readyBefore,
              churn.failed() - failedBefore,
              skipped.get(),
              before,
              after,
              toBaseline,
              during,
              steady.lost() - lostBefore);
      System.out.printf(
          "%s: %d churned at %.0f/s (%d failed, %d skipped); after: %s (fds %+d, heap %+.0f kB,"
              + " RSS %+d kB; back in %.1f s); steady p99 %.1f ms, delivered %.2f%%%n",
          server,
          result.completed(),
          result.achievedRate(),
          result.failed(),
          result.skipped(),
          after,
          result.fdsDelta(),
          result.heapDeltaKb(),
          result.rssDeltaKb(),
          toBaseline,
          during.p99Ms(),
          during.deliveredPercent());
      Results.write(o.out(), result);
    }
  }

  /** Opens churners at {@code rate} per second for {@code seconds} on a new thread. */
  private static Thread churner(LoadClient churn, double rate, int seconds, AtomicLong skipped) {
    Thread thread =
        new Thread(
            () -> {
              RateSchedule schedule =
                  new RateSchedule(System.nanoTime(), rate, seconds * 1_000_000_000L);
              for (long i = 0; i < schedule.slots(); i++) {
                long wait;
                while ((wait = schedule.dueNanos(i) - System.nanoTime()) > 0) {
                  LockSupport.parkNanos(wait);
                }
                if (!churn.tryOpen()) {
                  skipped.incrementAndGet();
                }
              }
            },
            "churner");
    thread.start();
    return thread;
  }

  /**
   * Waits until every churner is closed on the client and then until the server holds at most
   * {@code fds} descriptors (or, with -1, until its count stops changing for a second).
   */
  private static boolean settle(LoadClient churn, ServerProbe probe, long fds, long millis)
      throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    Results.await(() -> churn.connections().isEmpty(), millis);
    if (fds >= 0) {
      return Results.await(
          () -> probe.fds() <= fds, Math.max(0, (deadline - System.nanoTime()) / 1_000_000));
    }
    long last = -2;
    while (System.nanoTime() < deadline) {
      long now = probe.fds();
      if (now == last) {
        return true;
      }
      last = now;
      Thread.sleep(1000); // a second without change counts as settled
    }
    return false;
  }
}
