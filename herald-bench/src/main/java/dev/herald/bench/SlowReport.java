package dev.herald.bench;

import java.util.List;

/** The Markdown of scenario S4 (slow consumers): latency of the readers, memory, the closes. */
final class SlowReport {
  static final double P99_RATIO_TARGET = 1.2;

  private SlowReport() {}

  static String markdown(String title, List<SlowResult> runs) {
    StringBuilder md = new StringBuilder("## " + title + "\n\n");
    md.append(
        "| server | subscribers | stalled | readers' p99 A → B ms | × (≤ 1.2) | delivered % A / B |"
            + " p50 A / B ms | RSS A max MB | RSS B first → max → last MB | RSS flat |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (SlowResult r : runs) {
      md.append(
          Md.f(
              "| %s | %d | %d | %s → %s | %s %s | %s / %s | %s / %s | %s | %s → %s → %s | %s |\n",
              r.server(),
              r.subscribers(),
              r.stalled(),
              Md.num(r.phaseA().p99Ms(), 1),
              Md.num(r.phaseB().p99Ms(), 1),
              Md.num(r.p99Ratio(), 2),
              r.p99Ratio() <= P99_RATIO_TARGET ? "" : "(**over**)",
              Md.num(r.phaseA().deliveredPercent(), 2),
              Md.num(r.phaseB().deliveredPercent(), 2),
              Md.num(r.phaseA().p50Ms(), 1),
              Md.num(r.phaseB().p50Ms(), 1),
              Md.mb(r.rssA().maxKb()),
              Md.mb(r.rssB().firstKb()),
              Md.mb(r.rssB().maxKb()),
              Md.mb(r.rssB().lastKb()),
              Md.yesNo(r.rssB().flat())));
    }
    md.append('\n');
    md.append(
        "| server | stalled closed by the server | of which 4100 seen by the client | still open"
            + " after reading again | server's slow-consumer count | server fds dropped in B |"
            + " first close after s | readers lost |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (SlowResult r : runs) {
      md.append(
          Md.f(
              "| %s | %d / %d | %d | %d | %s | %d | %s | %d |\n",
              r.server(),
              r.stalledClosed(),
              r.stalled(),
              r.closedWith4100(),
              r.stalledStillOpen(),
              r.serverLoggedSlow() < 0 ? "–" : Long.toString(r.serverLoggedSlow()),
              r.serverFdsDropped(),
              Md.num(r.secondsToFirstClose(), 1),
              r.readersLost()));
    }
    return md.append('\n').toString();
  }
}
