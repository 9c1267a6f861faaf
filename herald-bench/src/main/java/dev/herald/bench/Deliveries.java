package dev.herald.bench;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Recorder;

/**
 * What the load client received: deliveries per step and the latency of the current step's
 * deliveries. Event data is {@code @@<step>:<nanoTime of the intended publish>}; the publisher runs
 * in this JVM, so {@link System#nanoTime()} is shared. Recording is thread-safe.
 */
final class Deliveries {
  static final int MAX_STEPS = 64;

  private final AtomicLongArray perStep = new AtomicLongArray(MAX_STEPS);
  private final Recorder latencyMicros = new Recorder(3);
  private volatile int currentStep = -1;

  /** The event data the publisher sends for {@code step} at {@code nanoTime}. */
  static String data(int step, long nanoTime) {
    return "@@" + step + ":" + nanoTime;
  }

  /** Starts counting latencies for {@code step} and drops those recorded so far. */
  void startStep(int step) {
    currentStep = step;
    latencyMicros.reset();
  }

  long delivered(int step) {
    return perStep.get(step);
  }

  /** The latency histogram (µs) of the current step since {@link #startStep}. */
  org.HdrHistogram.Histogram latencies() {
    return latencyMicros.getIntervalHistogram();
  }

  /** Records {@code frame} (its readable bytes) if it carries a benchmark event. */
  boolean record(ByteBuf frame, long nowNanos) {
    return record(frame, frame.readerIndex(), frame.writerIndex(), nowNanos);
  }

  /**
   * Records the text payload in {@code buf} between {@code from} (inclusive) and {@code to} if it
   * carries a benchmark event; false when it does not. Leaves the buffer's indexes alone.
   */
  boolean record(ByteBuf buf, int from, int to, long nowNanos) {
    int at = indexOfMarker(buf, from, to);
    if (at < 0) {
      return false;
    }
    int i = at + 2;
    int step = 0;
    byte b;
    while (i < to && (b = buf.getByte(i)) != ':') {
      step = step * 10 + (b - '0');
      i++;
    }
    i++;
    long sent = 0;
    boolean negative = i < to && buf.getByte(i) == '-';
    if (negative) {
      i++;
    }
    while (i < to && (b = buf.getByte(i)) >= '0' && b <= '9') {
      sent = sent * 10 + (b - '0');
      i++;
    }
    sent = negative ? -sent : sent;
    if (step < 0 || step >= MAX_STEPS) {
      return false;
    }
    perStep.incrementAndGet(step);
    if (step == currentStep) {
      latencyMicros.recordValue(Math.max(0, (nowNanos - sent) / 1000));
    }
    return true;
  }

  private static int indexOfMarker(ByteBuf buf, int from, int to) {
    int i = from;
    while (i < to - 1) {
      int at = buf.indexOf(i, to - 1, (byte) '@');
      if (at < 0) {
        return -1;
      }
      if (buf.getByte(at + 1) == '@') {
        return at;
      }
      i = at + 1;
    }
    return -1;
  }
}
