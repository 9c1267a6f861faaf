package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KneeTest {
  private static StepResult step(double rate, long delivered, double p99Ms) {
    return new StepResult(rate, 5, 100, 50, 0, 0, 1000, delivered, 1, p99Ms, p99Ms, p99Ms, 1);
  }

  @Test
  void theKneeIsTheHighestRateWithEveryDeliveryAndP99UnderOneHundredMillis() {
    List<StepResult> steps =
        List.of(step(10, 1000, 5), step(20, 1000, 40), step(40, 1000, 150), step(60, 990, 20));
    assertThat(Knee.knee(steps)).hasValue(20);
    assertThat(Knee.keptUpTo(steps)).hasValue(40);
  }

  @Test
  void noStepQualifiesWhenEveryStepLosesDeliveries() {
    List<StepResult> steps = List.of(step(10, 999, 5), step(20, 0, 0));
    assertThat(Knee.knee(steps)).isEmpty();
    assertThat(Knee.keptUpTo(steps)).isEmpty();
  }

  @Test
  void deliveredPercentIsTheShareOfOfferedDeliveries() {
    assertThat(step(10, 250, 1).deliveredPercent()).isEqualTo(25.0);
  }
}
