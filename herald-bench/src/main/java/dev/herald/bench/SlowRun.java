package dev.herald.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Scenario S4, slow consumers: N subscribers on one channel and events of {@code --payload} bytes
 * at a fixed rate. Phase A: everyone reads (the reference p99). Phase B: {@code --stall-percent} of
 * the subscribers (evenly spread) stop reading; the others should keep their latency, the server's
 * memory should stay bounded and the stalled ones should be closed (4100 on Herald). After phase B
 * the stalled ones read again for {@code --resume-seconds} to find out whether and how the server
 * closed them. The server's RSS and descriptors are sampled every 500 ms. Writes one {@link
 * SlowResult}.
 *
 * <p>Loopback makes stalls slow to detect: the server's kernel send buffer autotunes to ~4 MB and
 * the client's receive buffer holds ~128 kB before the server's own outbound buffer grows at all,
 * so phase B must write well over that to each stalled subscriber (rate × payload × seconds). The
 * client's sockets get a fixed {@code SO_RCVBUF} ({@code --receive-buffer}, 128 KiB), as the
 * kernel's autotuning would otherwise grow a reader's buffer by megabytes during phase A and make
 * the moment a stalled reader fills up unpredictable.
 *
 * <p>Options: the shared ones and {@code --channel slow --subscribers 1000 --stall-percent 1 --rate
 * 40 --payload 8000 --seconds 30 (phase B) --reference-seconds 10 (phase A) --warmup-seconds 3
 * --drain-seconds 5 --resume-seconds 5 --server-limit-bytes N (reported only) --server-log FILE
 * --slow-log-pattern TEXT}.
 */
public final class SlowRun {
  private SlowRun() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Options o = new Options(args);
    Options.Endpoint endpoint = o.endpoint();
    ServerProbe probe = o.probe();
    String channel = o.string("channel", "slow");
    int subscribers = o.integer("subscribers", 1000);
    double percent = o.number("stall-percent", 1);
    double rate = o.number("rate", 40);
    int payload = o.integer("payload", 8000);
    int seconds = o.integer("seconds", 30);
    String server = o.server();

    Deliveries deliveries = new Deliveries();
    Behavior behavior = Behavior.subscribe(endpoint.key(), endpoint.secret(), channel);
    int receiveBuffer = o.integer("receive-buffer", 131072);
    try (LoadClient client =
            new LoadClient(endpoint.ws(), behavior, deliveries, 256, receiveBuffer);
        Publisher publisher = endpoint.publisher();
        Sampler sampler = new Sampler(probe, 500)) {
      int subscribed = client.connect(subscribers, 120_000);
      System.out.printf("%s: %d/%d subscribed%n", server, subscribed, subscribers);
      Stepper stepper =
          new Stepper(publisher, deliveries, probe, 1000L * o.integer("drain-seconds", 5));
      Publisher.Trigger trigger = Publisher.event(channel, payload);
      stepper.run(0, rate, o.integer("warmup-seconds", 3), trigger, () -> subscribed, subscribed);

      sampler.phase();
      int reference = o.integer("reference-seconds", seconds);
      StepResult a = stepper.run(1, rate, reference, trigger, () -> subscribed, subscribed);
      List<Sampler.Point> pointsA = sampler.phase();
      print(server, "A, all reading", a);

      List<ClientHandler> all = client.sortedConnections();
      List<ClientHandler> stalled = pick(all, percent);
      stalled.forEach(ClientHandler::stall);
      int readers = subscribed - stalled.size();
      StepResult b = stepper.run(2, rate, seconds, trigger, () -> readers, readers);
      List<Sampler.Point> pointsB = sampler.phase();
      int readersLost = (int) all.stream().filter(c -> !stalled.contains(c) && !c.isOpen()).count();
      print(server, "B, " + stalled.size() + " stalled", b);

      deliveries.startStep(Deliveries.MAX_STEPS - 1); // the backlog read below is not measured
      stalled.forEach(ClientHandler::resume);
      Results.await(
          () -> stalled.stream().noneMatch(ClientHandler::isOpen),
          1000L * o.integer("resume-seconds", 5));
      int closed = (int) stalled.stream().filter(c -> !c.isOpen()).count();
      int with4100 =
          (int)
              stalled.stream().filter(c -> c.closeCode() == 4100 || c.errorCode() == 4100).count();
      long logged = countLines(o.string("server-log", ""), o.string("slow-log-pattern", ""));
      SlowResult result =
          new SlowResult(
              server,
              subscribed,
              stalled.size(),
              payload,
              o.longInteger("server-limit-bytes", -1),
              a,
              b,
              RssTrend.of(Sampler.rss(pointsA)),
              RssTrend.of(Sampler.rss(pointsB)),
              closed,
              with4100,
              stalled.size() - closed,
              readersLost,
              logged,
              Sampler.dropped(pointsB),
              Sampler.firstDrop(pointsB));
      System.out.printf(
          "%s: readers' p99 %.1f → %.1f ms (× %.2f); stalled %d: %d closed (%d with 4100), %d still"
              + " open; server logged %d; RSS A %s, B %s%n",
          server,
          a.p99Ms(),
          b.p99Ms(),
          result.p99Ratio(),
          stalled.size(),
          closed,
          with4100,
          stalled.size() - closed,
          logged,
          result.rssA(),
          result.rssB());
      Results.write(o.out(), result);
    }
  }

  /** Every k-th connection, k = 100 / percent, starting in the middle of the first block. */
  static List<ClientHandler> pick(List<ClientHandler> connections, double percent) {
    List<ClientHandler> picked = new ArrayList<>();
    if (percent <= 0) {
      return picked;
    }
    int every = Math.max(1, (int) Math.round(100 / percent));
    for (int i = every / 2; i < connections.size(); i += every) {
      picked.add(connections.get(i));
    }
    return picked;
  }

  private static long countLines(String file, String pattern) throws IOException {
    if (file.isEmpty() || pattern.isEmpty() || !Files.exists(Path.of(file))) {
      return -1;
    }
    try (Stream<String> lines = Files.lines(Path.of(file))) {
      return lines.filter(line -> line.contains(pattern)).count();
    }
  }

  private static void print(String server, String phase, StepResult s) {
    System.out.printf(
        "%s: phase %s: %.0f msg/s delivered %.2f%% p50 %.1f p99 %.1f p99.9 %.1f ms%n",
        server, phase, s.rate(), s.deliveredPercent(), s.p50Ms(), s.p99Ms(), s.p999Ms());
  }
}
