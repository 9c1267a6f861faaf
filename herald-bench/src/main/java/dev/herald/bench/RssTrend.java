package dev.herald.bench;

import java.util.List;

/**
 * The server's resident memory over one phase of a run, sampled at a fixed period, and whether it
 * stayed flat: a phase is flat when the peak of its second half is at most {@code toleranceKb}
 * above the peak of its first half, i.e. memory stopped growing (a bounded buffer fills once, an
 * unbounded one keeps growing).
 */
record RssTrend(long firstKb, long maxKb, long lastKb, long firstHalfMaxKb, long secondHalfMaxKb) {
  /** Growth allowed between the halves: two 4 MiB chunks of Netty's pooled allocator. */
  static final long TOLERANCE_KB = 8 * 1024;

  static RssTrend of(List<Long> samplesKb) {
    if (samplesKb.isEmpty()) {
      return new RssTrend(-1, -1, -1, -1, -1);
    }
    int size = samplesKb.size();
    int half = Math.max(1, size / 2);
    int secondStart = size == 1 ? 0 : half;
    return new RssTrend(
        samplesKb.get(0),
        max(samplesKb),
        samplesKb.get(size - 1),
        max(samplesKb.subList(0, half)),
        max(samplesKb.subList(secondStart, size)));
  }

  /** Whether memory stopped growing within the tolerance. */
  boolean flat() {
    return firstKb >= 0 && secondHalfMaxKb - firstHalfMaxKb <= TOLERANCE_KB;
  }

  /** The growth from the first sample to the last, in kB. */
  long growthKb() {
    return lastKb - firstKb;
  }

  private static long max(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).max().orElse(-1);
  }
}
