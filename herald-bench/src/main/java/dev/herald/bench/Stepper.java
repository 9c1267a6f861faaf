package dev.herald.bench;

import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * Runs one open-loop step (publish at a rate for some seconds, then wait for the deliveries to
 * drain) and measures it: delivered vs offered, latency percentiles of the step's deliveries and
 * the server's CPU per delivery.
 */
final class Stepper {
  private final Publisher publisher;
  private final Deliveries deliveries;
  private final ServerProbe server;
  private final long drainMillis;

  Stepper(Publisher publisher, Deliveries deliveries, ServerProbe server, long drainMillis) {
    this.publisher = publisher;
    this.deliveries = deliveries;
    this.server = server;
    this.drainMillis = drainMillis;
  }

  /**
   * Step {@code index}: {@code rate} requests per second for {@code seconds}; each request should
   * make {@code deliveriesPerRequest} deliveries ({@code subscribers} is reported as is).
   */
  StepResult run(
      int index,
      double rate,
      int seconds,
      Publisher.Trigger trigger,
      LongSupplier deliveriesPerRequest,
      int subscribers)
      throws InterruptedException {
    deliveries.startStep(index);
    long errorsBefore = publisher.errors();
    long cpuBefore = server.cpuMicros();
    RateSchedule schedule =
        new RateSchedule(System.nanoTime() + 10_000_000, rate, seconds * 1_000_000_000L);
    Publisher.Sent sent = publisher.run(index, schedule, trigger);
    long offered = sent.sent() * deliveriesPerRequest.getAsLong();
    long deadline = System.nanoTime() + drainMillis * 1_000_000;
    while (deliveries.delivered(index) < offered && System.nanoTime() < deadline) {
      Thread.sleep(10); // polling a benchmark's counters, not a test
    }
    long cpuAfter = server.cpuMicros();
    Histogram h = deliveries.latencies();
    long delivered = deliveries.delivered(index);
    double cpuPerDelivery =
        cpuBefore < 0 || cpuAfter < 0 || delivered == 0
            ? -1
            : (double) (cpuAfter - cpuBefore) / delivered;
    return new StepResult(
        rate,
        seconds,
        subscribers,
        sent.sent(),
        sent.late(),
        publisher.errors() - errorsBefore,
        offered,
        delivered,
        h.getValueAtPercentile(50) / 1000.0,
        h.getValueAtPercentile(99) / 1000.0,
        h.getValueAtPercentile(99.9) / 1000.0,
        h.getMaxValue() / 1000.0,
        cpuPerDelivery);
  }
}
