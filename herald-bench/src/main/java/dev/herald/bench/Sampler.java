package dev.herald.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the server's RSS and open descriptors at a fixed period on a daemon thread, into the
 * phase that is current; {@link #phase} switches where samples go.
 */
final class Sampler implements AutoCloseable {
  /** One sample: seconds since the phase began, RSS in kB, open descriptors. */
  record Point(double seconds, long rssKb, long fds) {}

  private final ServerProbe probe;
  private final ScheduledExecutorService timer;
  private List<Point> current = new ArrayList<>();
  private long phaseStart = System.nanoTime();

  Sampler(ServerProbe probe, long periodMillis) {
    this.probe = probe;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sampler");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleAtFixedRate(this::sample, 0, periodMillis, TimeUnit.MILLISECONDS);
  }

  /** Starts a new phase; returns the samples of the one that ends. */
  synchronized List<Point> phase() {
    List<Point> done = current;
    current = new ArrayList<>();
    phaseStart = System.nanoTime();
    return done;
  }

  private void sample() {
    long rss = probe.rssKb();
    long fds = probe.fds();
    synchronized (this) {
      current.add(new Point((System.nanoTime() - phaseStart) / 1e9, rss, fds));
    }
  }

  static List<Long> rss(List<Point> points) {
    return points.stream().map(Point::rssKb).filter(v -> v >= 0).toList();
  }

  /** The seconds of the first sample with fewer descriptors than the first one had; -1 if none. */
  static double firstDrop(List<Point> points) {
    if (points.isEmpty()) {
      return -1;
    }
    long start = points.get(0).fds();
    return points.stream()
        .filter(p -> p.fds() < start)
        .mapToDouble(Point::seconds)
        .findFirst()
        .orElse(-1);
  }

  /** The first sample's descriptors minus the fewest seen; 0 when none dropped. */
  static long dropped(List<Point> points) {
    if (points.isEmpty()) {
      return 0;
    }
    long start = points.get(0).fds();
    return start - points.stream().mapToLong(Point::fds).min().orElse(start);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
