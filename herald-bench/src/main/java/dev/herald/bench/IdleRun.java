package dev.herald.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario S1, idle hold: how much an idle subscribed connection costs the server and how fast
 * connections arrive. A warm-up batch connects and leaves first (so class loading and lazy caches
 * are not charged to connections); then the server's footprint with none; then connections are
 * added up to each level ({@code --levels 5000,15000}), each level held for {@code
 * --settle-seconds} and measured: RSS, open descriptors and, for a JVM, live heap after a full GC.
 * Writes one {@link IdleResult}.
 *
 * <p>Options: the shared ones ({@link Options}) and {@code --channel idle --levels 5000,15000
 * --warmup 500 --settle-seconds 3}.
 */
public final class IdleRun {
  private IdleRun() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Options o = new Options(args);
    Options.Endpoint endpoint = o.endpoint();
    ServerProbe probe = o.probe();
    String channel = o.string("channel", "idle");
    double[] levels = o.numbers("levels", "5000,15000");
    int warmup = o.integer("warmup", 500);
    long settleMillis = 1000L * o.integer("settle-seconds", 3);
    Behavior behavior = Behavior.subscribe(endpoint.key(), endpoint.secret(), channel);

    long baseFds;
    try (LoadClient warm = new LoadClient(endpoint.ws(), behavior, null, 256)) {
      baseFds = probe.fds();
      warm.connect(warmup, 60_000);
      warm.closeAll();
    }
    // The server closes its side once it sees the FIN; wait until its descriptors are back.
    Results.await(() -> probe.fds() <= baseFds, 10_000);
    Thread.sleep(settleMillis); // let the server go idle before measuring, a fixed settle time
    IdleResult.Footprint base = IdleResult.Footprint.of(probe.sample(true));
    System.out.printf("%s: no connections: %s%n", o.server(), base);

    List<IdleResult.Level> results = new ArrayList<>();
    try (LoadClient client = new LoadClient(endpoint.ws(), behavior, null, 256)) {
      for (double target : levels) {
        int want = (int) target - client.opened();
        int before = client.subscribed();
        long t0 = System.nanoTime();
        long cpu0 = probe.cpuMicros();
        client.connect(want, 300_000);
        int added = client.subscribed() - before;
        double rate = added / ((System.nanoTime() - t0) / 1e9);
        long cpu1 = probe.cpuMicros();
        double cpuPerConnect =
            cpu0 < 0 || cpu1 < 0 || added == 0 ? -1 : (double) (cpu1 - cpu0) / added;
        Thread.sleep(settleMillis); // hold the connections idle before measuring
        IdleResult.Footprint at = IdleResult.Footprint.of(probe.sample(true));
        IdleResult.Level level =
            new IdleResult.Level(
                (int) target, client.subscribed(), client.failed(), rate, cpuPerConnect, at);
        results.add(level);
        System.out.printf(
            "%s: %d subscribed (%d failed) at %.0f/s, %.0f µs server CPU each: %s; %.2f kB RSS and"
                + " %.2f kB heap per connection%n",
            o.server(),
            level.subscribed(),
            level.failed(),
            rate,
            cpuPerConnect,
            at,
            IdleResult.rssPerConnectionKb(base, level),
            IdleResult.heapPerConnectionKb(base, level));
      }
      client.closeAll();
    }
    Results.write(o.out(), new IdleResult(o.server(), base, results));
  }
}
