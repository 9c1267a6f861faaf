package dev.herald.bench;

/**
 * Scenario S5 against one server: churners opened at {@code targetRate} per second for {@code
 * seconds} ({@code skipped}: slots with too many still connecting), how many completed
 * connect+subscribe+close, and the server's footprint before the churn and after it settled (
 * {@code secondsToBaseline}: how long after the last churner its descriptors took to return, -1 if
 * they did not within the wait). {@code steady} is the latency of the subscribers that stayed.
 */
record ChurnResult(
    String server,
    int steadySubscribers,
    double targetRate,
    int seconds,
    int opened,
    int completed,
    int failed,
    long skipped,
    IdleResult.Footprint before,
    IdleResult.Footprint after,
    double secondsToBaseline,
    StepResult steady,
    int steadyLost) {

  /** Completed churners per second. */
  double achievedRate() {
    return seconds == 0 ? 0 : (double) completed / seconds;
  }

  /** Open descriptors after minus before (0 = back to baseline). */
  long fdsDelta() {
    return after.fds() - before.fds();
  }

  /** Live heap after minus before, in kB; NaN when unknown. */
  double heapDeltaKb() {
    return before.liveHeapBytes() < 0 || after.liveHeapBytes() < 0
        ? Double.NaN
        : (after.liveHeapBytes() - before.liveHeapBytes()) / 1024.0;
  }

  /** RSS after minus before, in kB. */
  long rssDeltaKb() {
    return after.rssKb() - before.rssKb();
  }
}
