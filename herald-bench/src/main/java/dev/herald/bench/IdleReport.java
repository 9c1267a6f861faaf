package dev.herald.bench;

import java.util.List;
import java.util.Optional;

/** The Markdown of scenario S1 (idle hold): one row per server and level, then the targets. */
final class IdleReport {
  static final double RSS_TARGET_KB = 8;
  static final double HEAP_TARGET_KB = 3;
  static final double CONNECT_RATE_TARGET = 0.9;

  private IdleReport() {}

  static String markdown(String title, List<IdleResult> runs) {
    StringBuilder md = new StringBuilder("## " + title + "\n\n");
    md.append(
        "| server | connections | subscribed | failed | connects+subscribes/s | server CPU µs per"
            + " connect+subscribe | RSS MB | RSS kB/conn | live heap MB | heap kB/conn | server fds"
            + " |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (IdleResult run : runs) {
      IdleResult.Footprint base = run.base();
      md.append(
          Md.f(
              "| %s | 0 | – | – | – | – | %s | – | %s | – | %d |\n",
              run.server(), Md.mb(base.rssKb()), heapMb(base), base.fds()));
      for (IdleResult.Level level : run.levels()) {
        md.append(
            Md.f(
                "| %s | %d | %d | %d | %s | %s | %s | %s | %s | %s | %d |\n",
                run.server(),
                level.connections(),
                level.subscribed(),
                level.failed(),
                Md.num(level.connectRate(), 0),
                Md.num(level.cpuMicrosPerConnect(), 0),
                Md.mb(level.footprint().rssKb()),
                Md.num(IdleResult.rssPerConnectionKb(base, level), 2),
                heapMb(level.footprint()),
                Md.num(IdleResult.heapPerConnectionKb(base, level), 2),
                level.footprint().fds()));
      }
    }
    md.append('\n').append(targets(runs));
    return md.toString();
  }

  private static String targets(List<IdleResult> runs) {
    Optional<IdleResult> herald = Md.herald(runs, IdleResult::server);
    if (herald.isEmpty() || herald.get().levels().isEmpty()) {
      return "";
    }
    IdleResult h = herald.get();
    IdleResult.Level top = h.levels().get(h.levels().size() - 1);
    double rss = IdleResult.rssPerConnectionKb(h.base(), top);
    double heap = IdleResult.heapPerConnectionKb(h.base(), top);
    StringBuilder md =
        new StringBuilder(
            Md.f("Targets at %d idle subscribed connections (Herald):\n\n", top.connections()));
    md.append("| target | Herald | met |\n|---|---:|---|\n");
    md.append(
        Md.f(
            "| RSS ≤ %.0f kB per connection | %s kB | %s |\n",
            RSS_TARGET_KB, Md.num(rss, 2), Md.yesNo(rss <= RSS_TARGET_KB)));
    md.append(
        Md.f(
            "| live heap ≤ %.0f kB per connection | %s kB | %s |\n",
            HEAP_TARGET_KB, Md.num(heap, 2), Md.yesNo(heap <= HEAP_TARGET_KB)));
    for (IdleResult other : runs) {
      if (other == h || other.levels().size() != h.levels().size()) {
        continue;
      }
      IdleResult.Level otherTop = other.levels().get(other.levels().size() - 1);
      double ratio = rate(h) / rate(other);
      boolean baseline = other.server().startsWith("baseline");
      md.append(
          Md.f(
              "| connect+subscribe rate %s %s | %s / %s = %s | %s |\n",
              baseline ? Md.f("≥ %.1f ×", CONNECT_RATE_TARGET) : "vs",
              other.server(),
              Md.num(rate(h), 0),
              Md.num(rate(other), 0),
              Md.num(ratio, 2),
              baseline ? Md.yesNo(ratio >= CONNECT_RATE_TARGET) : "(peer)"));
      md.append(
          Md.f(
              "| RSS per connection vs %s | %s / %s kB | (ratio %s) |\n",
              other.server(),
              Md.num(rss, 2),
              Md.num(IdleResult.rssPerConnectionKb(other.base(), otherTop), 2),
              Md.ratio(rss, IdleResult.rssPerConnectionKb(other.base(), otherTop))));
    }
    return md.append('\n').toString();
  }

  /** Connects+subscribes per second over all levels, weighted by the connections of each. */
  static double rate(IdleResult run) {
    double seconds = 0;
    int previous = 0;
    int total = 0;
    for (IdleResult.Level level : run.levels()) {
      int added = level.subscribed() - previous;
      if (level.connectRate() > 0) {
        seconds += added / level.connectRate();
      }
      previous = level.subscribed();
      total += added;
    }
    return seconds > 0 ? total / seconds : Double.NaN;
  }

  private static String heapMb(IdleResult.Footprint f) {
    return f.liveHeapBytes() < 0 ? "–" : Md.f("%.1f", f.liveHeapBytes() / 1048576.0);
  }
}
