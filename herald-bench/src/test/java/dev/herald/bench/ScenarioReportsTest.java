package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioReportsTest {
  private static StepResult step(double p99, long offered, long delivered) {
    return new StepResult(40, 10, 990, 400, 0, 0, offered, delivered, 5, p99, p99, p99, 1.5);
  }

  @Test
  void theSlowConsumerReportComparesTheReadersP99AndShowsTheCloses() {
    RssTrend flat = RssTrend.of(List.of(400_000L, 401_000L, 401_000L));
    SlowResult r =
        new SlowResult(
            "herald",
            1000,
            10,
            8000,
            262144,
            step(20, 100, 100),
            step(30, 100, 100),
            flat,
            flat,
            10,
            0,
            0,
            0,
            10,
            10,
            12.5);
    assertThat(r.p99Ratio()).isEqualTo(1.5);
    String md = SlowReport.markdown("S4", List.of(r));
    assertThat(md).contains("| herald | 1000 | 10 | 20.0 → 30.0 | 1.50 (**over**) |");
    assertThat(md).contains("| herald | 10 / 10 | 0 | 0 | 10 | 10 | 12.5 | 0 |");
  }

  @Test
  void theChurnReportSaysWhetherTheServerWentBackToItsBaseline() {
    IdleResult.Footprint before = new IdleResult.Footprint(400_000, 520, 10 * 1048576L);
    IdleResult.Footprint back = new IdleResult.Footprint(401_024, 520, 10 * 1048576L + 10240);
    IdleResult.Footprint leaky = new IdleResult.Footprint(420_000, 620, 20 * 1048576L);
    ChurnResult herald =
        new ChurnResult(
            "herald", 500, 300, 60, 18000, 18000, 0, 0, before, back, 0.5, step(10, 1, 1), 0);
    ChurnResult other =
        new ChurnResult(
            "baseline-coalesce",
            500,
            300,
            60,
            9000,
            9000,
            0,
            0,
            before,
            leaky,
            -1,
            step(10, 1, 1),
            0);
    assertThat(herald.fdsDelta()).isZero();
    assertThat(herald.heapDeltaKb()).isEqualTo(10.0);
    assertThat(herald.achievedRate()).isEqualTo(300.0);
    String md = ChurnReport.markdown("S5", List.of(other, herald));
    assertThat(md).contains("| 520 → 520 | 10.0 → 10.0 (+10) | +0.6 | +1.0 | yes, 0.5 s |");
    assertThat(md).contains("| **no** (fds +100) |");
    assertThat(md).contains("Churn rate Herald / baseline-coalesce: 2.00.");
  }

  private static PresenceResult.Step presence(double rate, long ok, double p99, long received) {
    return new PresenceResult.Step(
        rate, 10, 100, ok, 100 - ok, 100, 0, 0, 2, p99, 8000, received, 3, p99, p99, p99, 50);
  }

  @Test
  void thePresenceKneeIsTheHighestRateWithEveryJoinAndEventOnTime() {
    PresenceResult run =
        new PresenceResult(
            "herald",
            100,
            40,
            20,
            6000,
            0,
            List.of(
                presence(100, 100, 10, 8000),
                presence(200, 100, 90, 8000),
                presence(400, 100, 150, 8000),
                presence(800, 99, 10, 8000)),
            100,
            100);
    assertThat(run.knee()).isEqualTo(200);
    assertThat(run.steps().get(0).deliveredPercent()).isEqualTo(100.0);
    String md = PresenceReport.markdown("S6", List.of(run));
    assertThat(md)
        .contains(
            "Knee (every join answered and member event delivered, p99 < 100 ms): 200 joins/s");
    assertThat(md).contains("| 800 | 99 / 100 | 1 | 0 |");
  }

  @Test
  void theManyChannelsReportNamesItsRatesInBatches() {
    ServerRun run = new ServerRun("herald", 100, 100, 0, 0, 50, List.of(step(10, 10, 10)), 40, 40);
    assertThat(Report.markdown("S3", List.of(run), "batches/s"))
        .contains("Knee: 40 batches/s")
        .contains("| rate (batches/s) |");
  }
}
