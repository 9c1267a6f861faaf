package dev.herald.bench;

/**
 * Scenario S4 against one server. Phase A: every subscriber reads; phase B: {@code stalled} of them
 * stop reading. {@code stalledClosed} of the stalled ones were found closed by the server when they
 * read again, {@code closedWith4100} of those with a 4100 close frame or {@code pusher:error};
 * {@code serverLoggedSlow} is the server's own count of slow-consumer closes (from its log, -1 when
 * unknown). {@code serverFdsDropped} is how many descriptors the server let go during phase B (its
 * own view of the closes) and {@code secondsToFirstClose} when the first went (-1: none).
 */
record SlowResult(
    String server,
    int subscribers,
    int stalled,
    int payloadBytes,
    long serverLimitBytes,
    StepResult phaseA,
    StepResult phaseB,
    RssTrend rssA,
    RssTrend rssB,
    int stalledClosed,
    int closedWith4100,
    int stalledStillOpen,
    int readersLost,
    long serverLoggedSlow,
    long serverFdsDropped,
    double secondsToFirstClose) {

  /** The readers' p99 with stalls over the p99 without; NaN when phase A had none. */
  double p99Ratio() {
    return phaseA.p99Ms() > 0 ? phaseB.p99Ms() / phaseA.p99Ms() : Double.NaN;
  }
}
