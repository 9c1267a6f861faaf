package dev.herald.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Scenario S6, presence join/leave storms ({@link PresenceStorm}): {@code --rooms} presence
 * channels, each with {@code --steady} members that stay and {@code --churners} that join and leave
 * at a stepping open-loop rate of joins per second (each join is followed by a leave after {@code
 * --hold-ms}). Measures join latency, member_added/member_removed delivery and latency at the
 * steady members, the server's CPU per join or leave, and afterwards whether every room lists
 * exactly its steady members. Writes one {@link PresenceResult}.
 *
 * <p>Options: the shared ones and {@code --rooms 100 --steady 40 --churners 20 --rates 100,200,400
 * --seconds 10 --warmup-seconds 3 --hold-ms 500 --drain-seconds 5}.
 */
public final class PresenceRun {
  private PresenceRun() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Options o = new Options(args);
    Options.Endpoint endpoint = o.endpoint();
    ServerProbe probe = o.probe();
    int rooms = o.integer("rooms", 100);
    int steady = o.integer("steady", 40);
    int churners = o.integer("churners", 20);
    double[] rates = o.numbers("rates", "100,200,400");
    int seconds = o.integer("seconds", 10);
    long holdMillis = o.longInteger("hold-ms", 500);
    long drainMillis = 1000L * o.integer("drain-seconds", 5);
    String server = o.server();

    PresenceStorm storm =
        new PresenceStorm(endpoint.key(), endpoint.secret(), rooms, steady, churners, holdMillis);
    try (LoadClient client = new LoadClient(endpoint.ws(), storm, null, 256);
        Publisher api = endpoint.publisher()) {
      storm.attach(client);
      int connected = client.connect(storm.total(), 300_000);
      System.out.printf(
          "%s: %d/%d connected (%d steady members in %d rooms)%n",
          server, connected, storm.total(), steady * rooms, rooms);

      step(storm, probe, rates[0], o.integer("warmup-seconds", 3), steady, holdMillis, drainMillis);
      List<PresenceResult.Step> steps = new ArrayList<>();
      for (double rate : rates) {
        PresenceResult.Step s = step(storm, probe, rate, seconds, steady, holdMillis, drainMillis);
        steps.add(s);
        System.out.printf(
            "%s: %.0f joins/s: %d/%d joined (%d errors, %d skipped), join p50 %.1f p99 %.1f ms;"
                + " member events %.2f%% p50 %.1f p99 %.1f ms; %.1f µs CPU per join or leave%n",
            server,
            rate,
            s.joinsOk(),
            s.joinsSent(),
            s.joinErrors(),
            s.skipped(),
            s.joinP50Ms(),
            s.joinP99Ms(),
            s.deliveredPercent(),
            s.memberP50Ms(),
            s.memberP99Ms(),
            s.cpuMicrosPerOp());
      }
      int consistent = 0;
      for (int r = 0; r < rooms; r++) {
        String users = api.get("/channels/" + PresenceStorm.room(r) + "/users");
        if (users != null && Publisher.JSON.readTree(users).path("users").size() == steady) {
          consistent++;
        }
      }
      System.out.printf(
          "%s: %d/%d rooms list exactly their steady members%n", server, consistent, rooms);
      Results.write(
          o.out(),
          new PresenceResult(
              server,
              rooms,
              steady,
              churners,
              connected,
              client.failed(),
              steps,
              rooms,
              consistent));
    }
  }

  private static PresenceResult.Step step(
      PresenceStorm storm,
      ServerProbe probe,
      double rate,
      int seconds,
      int steady,
      long holdMillis,
      long drainMillis)
      throws InterruptedException {
    storm.startStep();
    long cpuBefore = probe.cpuMicros();
    RateSchedule schedule =
        new RateSchedule(System.nanoTime() + 10_000_000, rate, seconds * 1_000_000_000L);
    long skipped = 0;
    long late = 0;
    for (long i = 0; i < schedule.slots(); i++) {
      long due = schedule.dueNanos(i);
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      if (System.nanoTime() - due > Publisher.LATE_NANOS) {
        late++;
      }
      if (!storm.join()) {
        skipped++;
      }
    }
    // Every join leaves after the hold; wait for that and for the member events to arrive.
    Results.await(storm::allIdle, 2 * holdMillis + drainMillis);
    Results.await(
        () -> storm.memberEvents.get() >= (storm.joinsOk.get() + storm.leaves.get()) * steady,
        drainMillis);
    long cpuAfter = probe.cpuMicros();
    long ops = storm.joinsOk.get() + storm.leaves.get();
    Histogram join = storm.joinMicros.getIntervalHistogram();
    Histogram member = storm.memberMicros.getIntervalHistogram();
    return new PresenceResult.Step(
        rate,
        seconds,
        storm.joinsSent.get(),
        storm.joinsOk.get(),
        storm.joinErrors.get(),
        storm.leaves.get(),
        skipped,
        late,
        join.getValueAtPercentile(50) / 1000.0,
        join.getValueAtPercentile(99) / 1000.0,
        ops * steady,
        storm.memberEvents.get(),
        member.getValueAtPercentile(50) / 1000.0,
        member.getValueAtPercentile(99) / 1000.0,
        member.getValueAtPercentile(99.9) / 1000.0,
        member.getMaxValue() / 1000.0,
        cpuBefore < 0 || cpuAfter < 0 || ops == 0 ? -1 : (double) (cpuAfter - cpuBefore) / ops);
  }
}
