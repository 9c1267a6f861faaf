package dev.herald.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Scenario S2, fan-out knee: N subscribers on one channel (public, or {@code private-…} with real
 * auth signatures), then steps of rising publish rate. The load client and the publisher share this
 * JVM, so latency is {@code System.nanoTime()} at delivery minus the publish slot's time. Writes
 * one {@link ServerRun} as JSON.
 *
 * <p>Options: {@code --url http://127.0.0.1:6101 --app-id ID --key KEY --secret SECRET --server
 * NAME --server-pid PID --channel bench --subscribers 1000 --rates 10,20,40 --seconds 5
 * --warmup-seconds 3 --drain-seconds 5 --clk-tck 100 --out FILE.json}.
 */
public final class LoadRun {
  private LoadRun() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Map<String, String> o = Args.parse(args);
    URI http = URI.create(o.getOrDefault("url", "http://127.0.0.1:6101"));
    String key = o.getOrDefault("key", "herald-dev-key");
    String secret = o.getOrDefault("secret", "herald-dev-secret");
    String channel = o.getOrDefault("channel", "bench");
    int subscribers = Integer.parseInt(o.getOrDefault("subscribers", "1000"));
    double[] rates =
        Arrays.stream(o.getOrDefault("rates", "10,20,40").split(","))
            .mapToDouble(Double::parseDouble)
            .toArray();
    int seconds = Integer.parseInt(o.getOrDefault("seconds", "5"));
    int warmup = Integer.parseInt(o.getOrDefault("warmup-seconds", "3"));
    long drainMillis = 1000L * Integer.parseInt(o.getOrDefault("drain-seconds", "5"));
    long pid = Long.parseLong(o.getOrDefault("server-pid", "0"));
    long clkTck = Long.parseLong(o.getOrDefault("clk-tck", "100"));
    String server = o.getOrDefault("server", "server");
    URI ws =
        URI.create("ws://" + http.getHost() + ":" + http.getPort() + "/app/" + key + "?protocol=7");

    Deliveries deliveries = new Deliveries();
    Subscription subscription = new Subscription(channel, key, secret);
    try (LoadClient client = new LoadClient(ws, subscription, deliveries, 256);
        Publisher publisher =
            new Publisher(http, o.getOrDefault("app-id", "herald-dev"), key, secret, channel)) {
      long t0 = System.nanoTime();
      int subscribed = client.connect(subscribers, 120_000);
      double connectRate = subscribed / ((System.nanoTime() - t0) / 1e9);
      System.out.printf(
          "%s: %d/%d subscribed (%d failed) at %.0f/s%n",
          server, subscribed, subscribers, client.failed(), connectRate);

      Step stepper = new Step(client, publisher, deliveries, pid, clkTck, drainMillis);
      stepper.run(0, rates[0], warmup); // warm-up: JIT both sides, not reported
      List<StepResult> steps = new ArrayList<>();
      for (int i = 0; i < rates.length; i++) {
        StepResult step = stepper.run(i + 1, rates[i], seconds);
        steps.add(step);
        System.out.printf(
            "%s: %.0f msg/s delivered %.2f%% p50 %.1f p99 %.1f p99.9 %.1f ms, %.2f µs CPU/delivery%n",
            server,
            step.rate(),
            step.deliveredPercent(),
            step.p50Ms(),
            step.p99Ms(),
            step.p999Ms(),
            step.cpuMicrosPerDelivery());
      }
      ServerRun run =
          new ServerRun(
              server,
              subscribers,
              subscribed,
              client.failed(),
              client.lost(),
              connectRate,
              steps,
              Knee.knee(steps).orElse(0),
              Knee.keptUpTo(steps).orElse(0));
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(Path.of(o.getOrDefault("out", server + ".json")).toFile(), run);
    }
  }

  /** Runs one step: publish for the step, then wait for its deliveries to drain. */
  private record Step(
      LoadClient client,
      Publisher publisher,
      Deliveries deliveries,
      long pid,
      long clkTck,
      long drainMillis) {

    StepResult run(int index, double rate, int seconds) throws InterruptedException {
      int subscribers = client.subscribed() - client.lost();
      deliveries.startStep(index);
      long errorsBefore = publisher.errors();
      long cpuBefore = ProcCpu.micros(pid, clkTck);
      RateSchedule schedule =
          new RateSchedule(System.nanoTime() + 10_000_000, rate, seconds * 1_000_000_000L);
      Publisher.Sent sent = publisher.run(index, schedule);
      long offered = sent.sent() * subscribers;
      long deadline = System.nanoTime() + drainMillis * 1_000_000;
      while (deliveries.delivered(index) < offered && System.nanoTime() < deadline) {
        Thread.sleep(10); // polling a benchmark's counters, not a test
      }
      long cpuAfter = ProcCpu.micros(pid, clkTck);
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
}
