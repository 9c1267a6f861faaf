package dev.herald.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario S2, fan-out knee: N subscribers on one channel (public, or {@code private-…} with real
 * auth signatures), then steps of rising publish rate. The load client and the publisher share this
 * JVM, so latency is {@code System.nanoTime()} at delivery minus the publish slot's time. Writes
 * one {@link ServerRun} as JSON.
 *
 * <p>Options: {@code --url http://127.0.0.1:6101 --app-id ID --key KEY --secret SECRET --server
 * NAME --server-pid PID --channel bench --subscribers 1000 --rates 10,20,40 --seconds 5
 * --warmup-seconds 3 --warmup-rate 10 --min-messages 50 --drain-seconds 5 --clk-tck 100 --jvm true
 * --out FILE.json}; for the cross-node run also {@code --publish-url} (another node) and {@code
 * --also-cpu-pids}.
 */
public final class LoadRun {
  private LoadRun() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Options o = new Options(args);
    Options.Endpoint endpoint = o.endpoint();
    String channel = o.string("channel", "bench");
    int subscribers = o.integer("subscribers", 1000);
    double[] rates = o.numbers("rates", "10,20,40");
    int seconds = o.integer("seconds", 5);
    int warmup = o.integer("warmup-seconds", 3);
    int minMessages = o.integer("min-messages", 50);
    String server = o.server();

    Deliveries deliveries = new Deliveries();
    Behavior behavior = Behavior.subscribe(endpoint.key(), endpoint.secret(), channel);
    try (LoadClient client = new LoadClient(endpoint.ws(), behavior, deliveries, 256);
        Publisher publisher = o.publishEndpoint().publisher()) {
      long t0 = System.nanoTime();
      int subscribed = client.connect(subscribers, 120_000);
      double connectRate = subscribed / ((System.nanoTime() - t0) / 1e9);
      System.out.printf(
          "%s: %d/%d subscribed (%d failed) at %.0f/s%n",
          server, subscribed, subscribers, client.failed(), connectRate);

      Stepper stepper =
          new Stepper(publisher, deliveries, o.probe(), 1000L * o.integer("drain-seconds", 5));
      Publisher.Trigger trigger = Publisher.event(channel, 0);
      // Warm-up at a rate every server keeps up with, so the JIT has compiled the delivery path
      // before the first (lowest) step is measured.
      double warmupRate = o.number("warmup-rate", Math.max(rates[0], 10));
      stepper.run(0, warmupRate, warmup, trigger, () -> alive(client), alive(client));
      List<StepResult> steps = new ArrayList<>();
      for (int i = 0; i < rates.length; i++) {
        int alive = alive(client);
        // A low rate's step lasts long enough for its p99 not to hang on one or two messages.
        int stepSeconds = Math.max(seconds, (int) Math.ceil(minMessages / rates[i]));
        StepResult step = stepper.run(i + 1, rates[i], stepSeconds, trigger, () -> alive, alive);
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
      Results.write(o.out(), run);
    }
  }

  private static int alive(LoadClient client) {
    return client.subscribed() - client.lost();
  }
}
