package dev.herald.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Turns JMH's JSON results ({@code -rf json}) into a Markdown table: score ± error, the cost per
 * subscriber for benchmarks with a {@code subscribers} parameter, and the bytes allocated per
 * operation when the run used {@code -prof gc}. Usage: {@code JmhSummary --title TEXT --in
 * results.json --out FILE.md}.
 */
public final class JmhSummary {
  private JmhSummary() {}

  public static void main(String[] args) throws IOException {
    Options o = new Options(args);
    JsonNode results = new ObjectMapper().readTree(Path.of(o.string("in", "jmh.json")).toFile());
    String md = markdown(o.string("title", "JMH micro-benchmarks"), results);
    Files.writeString(Path.of(o.string("out", "jmh.md")), md);
    System.out.print(md);
  }

  static String markdown(String title, JsonNode results) {
    StringBuilder md = new StringBuilder("## " + title + "\n\n");
    md.append(
        "| benchmark | params | score | ± error | unit | per subscriber | allocated B/op |\n");
    md.append("|---|---|---:|---:|---|---:|---:|\n");
    for (JsonNode r : results) {
      String benchmark = r.path("benchmark").asText();
      String name =
          benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
      JsonNode primary = r.path("primaryMetric");
      double score = primary.path("score").asDouble();
      String unit = primary.path("scoreUnit").asText();
      JsonNode subscribers = r.path("params").path("subscribers");
      String perSubscriber =
          subscribers.isMissingNode()
              ? ""
              : Md.num(score / Double.parseDouble(subscribers.asText()), 1) + " " + unit;
      JsonNode alloc = r.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score");
      md.append(
          Md.f(
              "| %s | %s | %s | %s | %s | %s | %s |\n",
              name,
              params(r.path("params")),
              Md.num(score, 1),
              Md.num(primary.path("scoreError").asDouble(Double.NaN), 1),
              unit,
              perSubscriber,
              alloc.isMissingNode() ? "" : Md.num(alloc.asDouble(), 0)));
    }
    return md.append('\n').toString();
  }

  private static String params(JsonNode params) {
    StringBuilder text = new StringBuilder();
    Iterator<Map.Entry<String, JsonNode>> fields = params.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (text.length() > 0) {
        text.append(", ");
      }
      text.append(field.getKey()).append('=').append(field.getValue().asText());
    }
    return text.toString();
  }
}
