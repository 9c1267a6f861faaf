package dev.herald.bench;

import java.util.List;
import java.util.Optional;

/** The Markdown of scenario S5 (churn): what churned and whether the server went back. */
final class ChurnReport {
  private ChurnReport() {}

  static String markdown(String title, List<ChurnResult> runs) {
    StringBuilder md = new StringBuilder("## " + title + "\n\n");
    md.append(
        "| server | churned | per s (target) | failed | skipped | fds before → after | live heap"
            + " before → after MB (Δ kB) | heap Δ B per churned | RSS Δ MB | back to baseline |"
            + " steady p99 ms | steady delivered % |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|\n");
    for (ChurnResult r : runs) {
      md.append(
          Md.f(
              "| %s | %d | %s (%s) | %d | %d | %d → %d | %s → %s (%s) | %s | %s | %s | %s | %s |\n",
              r.server(),
              r.completed(),
              Md.num(r.achievedRate(), 0),
              Md.num(r.targetRate(), 0),
              r.failed(),
              r.skipped(),
              r.before().fds(),
              r.after().fds(),
              heapMb(r.before()),
              heapMb(r.after()),
              Md.delta(r.heapDeltaKb(), 0),
              r.completed() == 0 ? "–" : Md.delta(r.heapDeltaKb() * 1024 / r.completed(), 1),
              Md.f("%+.1f", r.rssDeltaKb() / 1024.0),
              r.secondsToBaseline() < 0
                  ? "**no** (fds " + Md.f("%+d", r.fdsDelta()) + ")"
                  : Md.f("yes, %.1f s", r.secondsToBaseline()),
              Md.num(r.steady().p99Ms(), 1),
              Md.num(r.steady().deliveredPercent(), 2)));
    }
    md.append('\n');
    Optional<ChurnResult> herald = Md.herald(runs, ChurnResult::server);
    if (herald.isPresent()) {
      for (ChurnResult other : runs) {
        if (other != herald.get()) {
          md.append(
              Md.f(
                  "Churn rate Herald / %s: %s.\n",
                  other.server(), Md.ratio(herald.get().achievedRate(), other.achievedRate())));
        }
      }
      md.append('\n');
    }
    return md.toString();
  }

  private static String heapMb(IdleResult.Footprint f) {
    return f.liveHeapBytes() < 0 ? "–" : Md.f("%.1f", f.liveHeapBytes() / 1048576.0);
  }
}
