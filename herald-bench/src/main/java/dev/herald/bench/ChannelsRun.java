package dev.herald.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Scenario S3, many channels: each connection {@code i} subscribes to its personal channel {@code
 * private-user-i} (signed) and to its group {@code group-(i mod groups)}. Each publish is one batch
 * trigger ({@code POST /apps/{id}/batch_events}) of {@code --batch} events: all but one to random
 * personal channels, one to a random group. Steps of rising batch rate, measured like S2 (delivered
 * vs offered, latency, server CPU per delivery). Writes one {@link ServerRun}.
 *
 * <p>Options: the shared ones and {@code --connections 10000 --groups 100 --batch 10 --rates
 * 25,50,100 --seconds 10 --warmup-seconds 5 --warmup-rate 100 --drain-seconds 5}.
 */
public final class ChannelsRun {
  private ChannelsRun() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Options o = new Options(args);
    Options.Endpoint endpoint = o.endpoint();
    int connections = o.integer("connections", 10_000);
    int groups = o.integer("groups", 100);
    int batch = o.integer("batch", 10);
    double[] rates = o.numbers("rates", "25,50,100");
    int seconds = o.integer("seconds", 10);
    String server = o.server();
    if (connections % groups != 0) {
      throw new IllegalArgumentException("--connections must be a multiple of --groups");
    }

    Deliveries deliveries = new Deliveries();
    Behavior behavior =
        Behavior.subscribe(
            endpoint.key(), endpoint.secret(), i -> List.of(personal(i), group(i % groups)));
    try (LoadClient client = new LoadClient(endpoint.ws(), behavior, deliveries, 256);
        Publisher publisher = endpoint.publisher()) {
      long t0 = System.nanoTime();
      int subscribed = client.connect(connections, 300_000);
      double connectRate = subscribed / ((System.nanoTime() - t0) / 1e9);
      System.out.printf(
          "%s: %d/%d connections subscribed to 2 channels each (%d failed) at %.0f/s%n",
          server, subscribed, connections, client.failed(), connectRate);

      SplittableRandom random = new SplittableRandom(42);
      Publisher.Trigger trigger =
          (step, due) -> {
            List<String> channels = new ArrayList<>(batch);
            for (int e = 0; e < batch - 1; e++) {
              channels.add(personal(random.nextInt(connections)));
            }
            channels.add(group(random.nextInt(groups)));
            return new Publisher.Request("/batch_events", Publisher.batch(channels, step, due));
          };
      // Every connection subscribed: batch-1 personal deliveries + one group's members.
      long perBatch = (batch - 1) + connections / groups;
      Stepper stepper =
          new Stepper(publisher, deliveries, o.probe(), 1000L * o.integer("drain-seconds", 5));
      // Warm-up at a rate of its own (a high one), so the JIT has compiled the request and delivery
      // paths before the lowest step is measured.
      double warmupRate = o.number("warmup-rate", rates[0]);
      stepper.run(
          0, warmupRate, o.integer("warmup-seconds", 5), trigger, () -> perBatch, subscribed);
      List<StepResult> steps = new ArrayList<>();
      for (int i = 0; i < rates.length; i++) {
        StepResult step =
            stepper.run(i + 1, rates[i], seconds, trigger, () -> perBatch, subscribed);
        steps.add(step);
        System.out.printf(
            "%s: %.0f batches/s (%d events/s) delivered %.2f%% p50 %.1f p99 %.1f ms, %.2f µs"
                + " CPU/delivery%n",
            server,
            step.rate(),
            (long) (step.rate() * batch),
            step.deliveredPercent(),
            step.p50Ms(),
            step.p99Ms(),
            step.cpuMicrosPerDelivery());
      }
      Results.write(
          o.out(),
          new ServerRun(
              server,
              connections,
              subscribed,
              client.failed(),
              client.lost(),
              connectRate,
              steps,
              Knee.knee(steps).orElse(0),
              Knee.keptUpTo(steps).orElse(0)));
    }
  }

  static String personal(int i) {
    return "private-user-" + i;
  }

  static String group(int g) {
    return "group-" + g;
  }
}
