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
 * Merges the result JSON files of one scenario into {@code PREFIX.json} and its Markdown in {@code
 * PREFIX.md}, with Herald/baseline ratios. Usage: {@code Report --scenario S1|S2|S3|S4|S5|S6|X
 * --title TEXT --out PREFIX run1.json run2.json …} (options first; S2 when no scenario is given).
 */
public final class Report {
  private Report() {}

  public static void main(String[] args) throws IOException {
    String title = "S2 fan-out";
    String out = "results";
    String scenario = "S2";
    List<String> files = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--title" -> title = args[++i];
        case "--out" -> out = args[++i];
        case "--scenario" -> scenario = args[++i];
        default -> files.add(args[i]);
      }
    }
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    String md =
        switch (scenario) {
          case "S1" -> IdleReport.markdown(title, read(json, files, IdleResult.class));
          case "S2", "X" -> markdown(title, read(json, files, ServerRun.class));
          case "S3" -> markdown(title, read(json, files, ServerRun.class), "batches/s");
          case "S4" -> SlowReport.markdown(title, read(json, files, SlowResult.class));
          case "S5" -> ChurnReport.markdown(title, read(json, files, ChurnResult.class));
          case "S6" -> PresenceReport.markdown(title, read(json, files, PresenceResult.class));
          default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        };
    List<Object> all = new ArrayList<>();
    for (String file : files) {
      all.add(json.readTree(Path.of(file).toFile()));
    }
    json.writeValue(Path.of(out + ".json").toFile(), all);
    Files.writeString(Path.of(out + ".md"), md);
  }

  private static <T> List<T> read(ObjectMapper json, List<String> files, Class<T> type)
      throws IOException {
    List<T> runs = new ArrayList<>();
    for (String file : files) {
      runs.add(json.readValue(Path.of(file).toFile(), type));
    }
    return runs;
  }

  static String markdown(String title, List<ServerRun> runs) {
    return markdown(title, runs, "msg/s");
  }

  /** The S2/S3 tables; {@code unit} names what a step's rate counts (msg/s, batches/s). */
  static String markdown(String title, List<ServerRun> runs, String unit) {
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
              rate(run.knee(), unit),
              rate(run.keptUpTo(), unit)));
      md.append(
          "| rate ("
              + unit
              + ") | offered deliveries | delivered % | p50 ms | p99 ms | p99.9 ms | max ms"
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
    md.append(ratios(runs, unit));
    return md.toString();
  }

  private static String ratios(List<ServerRun> runs, String unit) {
    Optional<ServerRun> herald = find(runs, "herald");
    if (herald.isEmpty()) {
      return "";
    }
    StringBuilder md =
        new StringBuilder(
            "### Herald / the others\n| other server | kept up to (Herald / other) | knee (Herald /"
                + " other) | CPU µs/delivery at the lowest rate (Herald / other) |\n"
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
              rate(herald.get().keptUpTo(), unit),
              rate(base.keptUpTo(), unit),
              rate(herald.get().knee(), unit),
              rate(base.knee(), unit),
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

  private static String rate(double rate, String unit) {
    return rate <= 0 ? "none" : String.format(Locale.ROOT, "%.0f %s", rate, unit);
  }
}
