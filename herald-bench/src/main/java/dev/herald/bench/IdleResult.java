package dev.herald.bench;

import java.util.List;

/**
 * Scenario S1 against one server: the server's footprint with no connection ({@code base}, after a
 * warm-up batch came and went) and at each level of idle subscribed connections.
 */
record IdleResult(String server, Footprint base, List<Level> levels) {

  /** The server's resident memory (kB), open descriptors and live heap (bytes, -1 unknown). */
  record Footprint(long rssKb, long fds, long liveHeapBytes) {
    static Footprint of(ServerProbe.Sample s) {
      return new Footprint(s.rssKb(), s.fds(), s.liveHeapBytes());
    }
  }

  /**
   * {@code connections} were asked for, {@code subscribed} became ready; {@code connectRate} is
   * connects+subscribes per second for the batch that brought the server to this level, {@code
   * cpuMicrosPerConnect} the server's CPU time per connect+subscribe of that batch (-1 unknown).
   */
  record Level(
      int connections,
      int subscribed,
      int failed,
      double connectRate,
      double cpuMicrosPerConnect,
      Footprint footprint) {}

  /** (RSS at the level − RSS with none) / subscribed, in kB; NaN when unknown. */
  static double rssPerConnectionKb(Footprint base, Level level) {
    return perConnection(base.rssKb(), level.footprint().rssKb(), level.subscribed());
  }

  /** (live heap at the level − live heap with none) / subscribed, in kB; NaN when unknown. */
  static double heapPerConnectionKb(Footprint base, Level level) {
    return perConnection(
            base.liveHeapBytes(), level.footprint().liveHeapBytes(), level.subscribed())
        / 1024;
  }

  private static double perConnection(long base, long at, int connections) {
    if (base < 0 || at < 0 || connections <= 0) {
      return Double.NaN;
    }
    return (double) (at - base) / connections;
  }
}
