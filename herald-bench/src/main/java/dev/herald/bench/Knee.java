package dev.herald.bench;

import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * Reads the fan-out knee from a step series: the highest rate with 100 % delivery and p99 under 100
 * ms. Steps are judged one by one, so a noisy pass above a failed step still counts.
 */
final class Knee {
  static final double P99_LIMIT_MS = 100;

  private Knee() {}

  /** The highest rate with every delivery and p99 < 100 ms, if any step qualifies. */
  static OptionalDouble knee(List<StepResult> steps) {
    return highest(steps, s -> s.keptUp() && s.p99Ms() < P99_LIMIT_MS);
  }

  /** The highest rate with every delivery, whatever the latency. */
  static OptionalDouble keptUpTo(List<StepResult> steps) {
    return highest(steps, StepResult::keptUp);
  }

  private static OptionalDouble highest(List<StepResult> steps, Predicate<StepResult> ok) {
    return steps.stream().filter(ok).mapToDouble(StepResult::rate).max();
  }
}
