package dev.herald.bench;

/**
 * One step of the fan-out scenario (S2): {@code rate} events per second to one channel for {@code
 * seconds}. {@code offered} = events due × subscribers; latencies in milliseconds; {@code
 * cpuMicrosPerDelivery} is the server's utime+stime over the step (with its drain) divided by the
 * deliveries, or -1 when unknown.
 */
record StepResult(
    double rate,
    int seconds,
    int subscribers,
    long events,
    long lateSends,
    long httpErrors,
    long offered,
    long delivered,
    double p50Ms,
    double p99Ms,
    double p999Ms,
    double maxMs,
    double cpuMicrosPerDelivery) {

  /** The share of offered deliveries that arrived, in percent. */
  double deliveredPercent() {
    return offered == 0 ? 0 : 100.0 * delivered / offered;
  }

  /** Every offered delivery arrived. */
  boolean keptUp() {
    return offered > 0 && delivered >= offered;
  }
}
