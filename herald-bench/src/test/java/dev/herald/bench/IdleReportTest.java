package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdleReportTest {
  private static final IdleResult.Footprint BASE = new IdleResult.Footprint(100_000, 20, 8_000_000);

  private static IdleResult run(String server, double rate, long rssKb, long heapBytes) {
    IdleResult.Level level =
        new IdleResult.Level(
            1000, 1000, 0, rate, 250, new IdleResult.Footprint(rssKb, 1020, heapBytes));
    return new IdleResult(server, BASE, List.of(level));
  }

  @Test
  void perConnectionFiguresAreTheGrowthOverTheEmptyServerDividedByTheConnections() {
    IdleResult herald = run("herald", 2000, 106_000, 8_000_000 + 2_048_000);
    IdleResult.Level level = herald.levels().get(0);
    assertThat(IdleResult.rssPerConnectionKb(BASE, level)).isEqualTo(6.0);
    assertThat(IdleResult.heapPerConnectionKb(BASE, level)).isEqualTo(2.0);
  }

  @Test
  void anUnknownHeapStaysUnknown() {
    IdleResult soketi = run("soketi", 500, 107_000, -1);
    assertThat(
            IdleResult.heapPerConnectionKb(
                new IdleResult.Footprint(1, 1, -1), soketi.levels().get(0)))
        .isNaN();
  }

  @Test
  void theConnectRateOverSeveralLevelsIsWeightedByTheConnectionsOfEach() {
    IdleResult.Footprint f = new IdleResult.Footprint(1, 1, 1);
    IdleResult run =
        new IdleResult(
            "x",
            f,
            List.of(
                new IdleResult.Level(1000, 1000, 0, 1000, -1, f),
                new IdleResult.Level(3000, 3000, 0, 500, -1, f)));
    // 1000 in 1 s, then 2000 in 4 s: 3000 in 5 s.
    assertThat(IdleReport.rate(run)).isEqualTo(600.0);
  }

  @Test
  void theReportChecksHeraldAgainstTheTargetsAndTheBaseline() {
    String md =
        IdleReport.markdown(
            "S1",
            List.of(
                run("baseline-coalesce", 2000, 106_000, 10_000_000),
                run("herald", 1700, 107_000, 8_000_000 + 4_096_000)));
    assertThat(md).contains("| herald | 1000 | 1000 | 0 | 1700 | 250 | 104.5 | 7.00 |");
    assertThat(md).contains("| RSS ≤ 8 kB per connection | 7.00 kB | yes |");
    assertThat(md).contains("| live heap ≤ 3 kB per connection | 4.00 kB | **no** |");
    assertThat(md).contains("1700 / 2000 = 0.85 | **no** |");
  }
}
