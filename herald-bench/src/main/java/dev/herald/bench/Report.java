package dev.herald.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Merges the {@link ServerRun} JSON files of one run into {@code PREFIX.json} and a Markdown table
 * per server in {@code PREFIX.md}, with Herald/baseline ratios. Usage: {@code Report --title TEXT
 * --out PREFIX run1.json run2.json …} (options first).
 */
public final class Report {
  private Report() {}

  public static void main(String[] args) throws IOException {
    String title = "S2 fan-out";
    String out = "results";
    List<ServerRun> runs = new ArrayList<>();
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--title" -> title = args[++i];
        case "--out" -> out = args[++i];
        default -> runs.add(json.readValue(Path.of(args[i]).toFile(), ServerRun.class));
      }
    }
    json.writeValue(Path.of(out + ".json").toFile(), runs);
    Files.writeString(Path.of(out + ".md"), markdown(title, runs));
  }

  static String markdown(String title, List<ServerRun> runs) {
    StringBuilder md = new StringBuilder("## " + title + "\n\n");
    for (ServerRun run : runs) {
      md.append(
          String.format(
              Locale.ROOT,
              "### %s\n%d/%d subscribed at %.0f connects+subscribes/s; %d lost during the run."
                  + " Knee: %s. Kept up to: %s.\n\n",
              run.server(),
              run.subscribed(),
              run.subscribersRequested(),
              run.connectsPerSecond(),
              run.lostConnections(),
              rate(run.knee()),
              rate(run.keptUpTo())));
      md.append(
          "| rate (msg/s) | offered deliveries | delivered % | p50 ms | p99 ms | p99.9 ms | max ms"
              + " | server CPU µs/delivery | late sends | HTTP errors |\n");
      md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      for (StepResult s : run.steps()) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %.0f | %d | %.2f | %.1f | %.1f | %.1f | %.1f | %.2f | %d | %d |\n",
                s.rate(),
                s.offered(),
                s.deliveredPercent(),
                s.p50Ms(),
                s.p99Ms(),
                s.p999Ms(),
                s.maxMs(),
                s.cpuMicrosPerDelivery(),
                s.lateSends(),
                s.httpErrors()));
      }
      md.append('\n');
    }
    md.append(ratios(runs));
    return md.toString();
  }

  private static String ratios(List<ServerRun> runs) {
    Optional<ServerRun> herald = find(runs, "herald");
    if (herald.isEmpty()) {
      return "";
    }
    StringBuilder md =
        new StringBuilder(
            "### Herald / baseline\n| baseline | kept up to (Herald / baseline) | knee (Herald /"
                + " baseline) | CPU µs/delivery at the lowest rate (Herald / baseline) |\n"
                + "|---|---|---|---|\n");
    for (ServerRun base : runs) {
      if (base == herald.get()) {
        continue;
      }
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s / %s | %s / %s | %.2f / %.2f = %.2f |\n",
              base.server(),
              rate(herald.get().keptUpTo()),
              rate(base.keptUpTo()),
              rate(herald.get().knee()),
              rate(base.knee()),
              lowestCpu(herald.get()),
              lowestCpu(base),
              lowestCpu(herald.get()) / lowestCpu(base)));
    }
    return md.append('\n').toString();
  }

  private static Optional<ServerRun> find(List<ServerRun> runs, String server) {
    return runs.stream().filter(r -> r.server().equals(server)).findFirst();
  }

  private static double lowestCpu(ServerRun run) {
    return run.steps().isEmpty() ? Double.NaN : run.steps().get(0).cpuMicrosPerDelivery();
  }

  private static String rate(double rate) {
    return rate <= 0 ? "none" : String.format(Locale.ROOT, "%.0f msg/s", rate);
  }
}
