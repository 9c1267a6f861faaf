package dev.herald.bench;

/**
 * Open-loop send slots: slot {@code i} of a step at {@code rate} per second is due at {@code start
 * + i * 1e9 / rate} nanoseconds, whatever happened to earlier sends (no coordinated omission).
 */
record RateSchedule(long startNanos, double ratePerSecond, long durationNanos) {

  RateSchedule {
    if (ratePerSecond <= 0 || durationNanos <= 0) {
      throw new IllegalArgumentException("rate and duration must be positive");
    }
  }

  /** How many slots the step has. */
  long slots() {
    return (long) Math.floor(durationNanos * ratePerSecond / 1e9);
  }

  /** When slot {@code i} is due. */
  long dueNanos(long i) {
    return startNanos + Math.round(i * 1e9 / ratePerSecond);
  }
}
