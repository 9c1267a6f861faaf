package dev.herald.bench;

import java.util.List;
import java.util.Optional;

/** The Markdown of scenario S6 (presence storms): one table per server, then the knee ratio. */
final class PresenceReport {
  private PresenceReport() {}

  static String markdown(String title, List<PresenceResult> runs) {
    StringBuilder md = new StringBuilder("## " + title + "\n\n");
    for (PresenceResult run : runs) {
      md.append(
          Md.f(
              "### %s\n%d connected (%d failed): %d rooms × (%d steady + %d churning) members."
                  + " Knee (every join answered and member event delivered, p99 < 100 ms): %s."
                  + " After the storm %d/%d rooms listed exactly their steady members.\n\n",
              run.server(),
              run.connected(),
              run.failed(),
              run.rooms(),
              run.steadyPerRoom(),
              run.churnersPerRoom(),
              run.knee() > 0 ? Md.f("%.0f joins/s", run.knee()) : "none",
              run.consistentRooms(),
              run.checkedRooms()));
      md.append(
          "| joins/s | joins ok / sent | errors | skipped | join p50 / p99 ms | member events"
              + " delivered % | member p50 / p99 / p99.9 / max ms | server CPU µs per join or"
              + " leave | late slots |\n");
      md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      for (PresenceResult.Step s : run.steps()) {
        md.append(
            Md.f(
                "| %.0f | %d / %d | %d | %d | %s / %s | %s | %s / %s / %s / %s | %s | %d |\n",
                s.rate(),
                s.joinsOk(),
                s.joinsSent(),
                s.joinErrors(),
                s.skipped(),
                Md.num(s.joinP50Ms(), 1),
                Md.num(s.joinP99Ms(), 1),
                Md.num(s.deliveredPercent(), 2),
                Md.num(s.memberP50Ms(), 1),
                Md.num(s.memberP99Ms(), 1),
                Md.num(s.memberP999Ms(), 1),
                Md.num(s.memberMaxMs(), 1),
                Md.num(s.cpuMicrosPerOp(), 1),
                s.lateSends()));
      }
      md.append('\n');
    }
    Optional<PresenceResult> herald = Md.herald(runs, PresenceResult::server);
    if (herald.isPresent()) {
      for (PresenceResult other : runs) {
        if (other != herald.get()) {
          md.append(
              Md.f(
                  "Knee Herald / %s: %s / %s joins/s.\n\n",
                  other.server(), Md.num(herald.get().knee(), 0), Md.num(other.knee(), 0)));
        }
      }
    }
    return md.toString();
  }
}
