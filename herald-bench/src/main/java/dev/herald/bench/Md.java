package dev.herald.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Number formatting and lookups shared by the scenario reports. */
final class Md {
  private Md() {}

  /** {@code value} with {@code decimals} decimals, or "–" when unknown (NaN or negative). */
  static String num(double value, int decimals) {
    if (Double.isNaN(value) || Double.isInfinite(value) || value < 0) {
      return "–";
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  /** Like {@link #num} but negative values are shown (deltas). */
  static String delta(double value, int decimals) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "–";
    }
    return String.format(Locale.ROOT, "%+." + decimals + "f", value);
  }

  /** {@code a / b} with two decimals, or "–". */
  static String ratio(double a, double b) {
    return b > 0 && a >= 0 ? num(a / b, 2) : "–";
  }

  /** kB as MB with one decimal. */
  static String mb(long kb) {
    return kb < 0 ? "–" : String.format(Locale.ROOT, "%.1f", kb / 1024.0);
  }

  static String yesNo(boolean ok) {
    return ok ? "yes" : "**no**";
  }

  static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  /** The first run named {@code herald}, if any. */
  static <T> Optional<T> herald(List<T> runs, java.util.function.Function<T, String> name) {
    return runs.stream().filter(r -> name.apply(r).equals("herald")).findFirst();
  }
}
