package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JmhSummaryTest {
  private static final String RESULTS =
      "[{\"benchmark\":\"dev.herald.bench.jmh.BroadcastBenchmark.deliver\",\"mode\":\"avgt\","
          + "\"params\":{\"loop\":\"inline\",\"subscribers\":\"1000\"},"
          + "\"primaryMetric\":{\"score\":25000.0,\"scoreError\":120.5,\"scoreUnit\":\"ns/op\"},"
          + "\"secondaryMetrics\":{\"gc.alloc.rate.norm\":{\"score\":48.2,\"scoreUnit\":\"B/op\"}}},"
          + "{\"benchmark\":\"dev.herald.bench.jmh.SignatureBenchmark.verifyApiRequest\","
          + "\"mode\":\"avgt\",\"primaryMetric\":{\"score\":2100.25,\"scoreError\":\"NaN\","
          + "\"scoreUnit\":\"ns/op\"},\"secondaryMetrics\":{}}]";

  @Test
  void tabulatesScoresWithTheCostPerSubscriberAndTheAllocation() throws Exception {
    String md = JmhSummary.markdown("JMH", new ObjectMapper().readTree(RESULTS));
    assertThat(md)
        .contains(
            "| BroadcastBenchmark.deliver | loop=inline, subscribers=1000 | 25000.0 | 120.5 | ns/op"
                + " | 25.0 ns/op | 48 |")
        .contains("| SignatureBenchmark.verifyApiRequest |  | 2100.3 | – | ns/op |  |  |");
  }
}
