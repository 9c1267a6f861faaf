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

  /** Records {@code frame} if it carries a benchmark event; false when it does not. */
  boolean record(ByteBuf frame, long nowNanos) {
    int at = indexOfMarker(frame);
    if (at < 0) {
      return false;
    }
    int i = at + 2;
    int step = 0;
    byte b;
    while ((b = frame.getByte(i++)) != ':') {
      step = step * 10 + (b - '0');
    }
    long sent = 0;
    boolean negative = frame.getByte(i) == '-';
    if (negative) {
      i++;
    }
    while (i < frame.writerIndex() && (b = frame.getByte(i)) >= '0' && b <= '9') {
      sent = sent * 10 + (b - '0');
      i++;
    }
    sent = negative ? -sent : sent;
    perStep.incrementAndGet(step);
    if (step == currentStep) {
      latencyMicros.recordValue(Math.max(0, (nowNanos - sent) / 1000));
    }
    return true;
  }

  private static int indexOfMarker(ByteBuf frame) {
    int end = frame.writerIndex() - 1;
    for (int i = frame.readerIndex(); i < end; i++) {
      if (frame.getByte(i) == '@' && frame.getByte(i + 1) == '@') {
        return i;
      }
    }
    return -1;
  }
}
