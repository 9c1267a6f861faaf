package dev.herald.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a benchmark reads about the server process from outside: CPU time ({@link ProcCpu}),
 * resident memory ({@code VmRSS} in {@code /proc/<pid>/status}), open file descriptors (the entries
 * of {@code /proc/<pid>/fd}) and, for a JVM, the live heap after a full GC ({@code jcmd <pid>
 * GC.class_histogram}, which collects before it counts). Every reader returns -1 when the value
 * cannot be had (no pid, not a JVM, process gone). For a cluster, CPU time also sums {@code
 * alsoCpuPids} (the other nodes and Redis).
 */
record ServerProbe(long pid, long clkTck, boolean jvm, long[] alsoCpuPids) {

  ServerProbe(long pid, long clkTck, boolean jvm) {
    this(pid, clkTck, jvm, new long[0]);
  }

  /** A snapshot of the server; {@code liveHeapBytes} only when asked for (it costs a full GC). */
  record Sample(long rssKb, long fds, long liveHeapBytes) {}

  Sample sample(boolean withHeap) {
    long heap = withHeap ? liveHeapBytes() : -1;
    return new Sample(rssKb(), fds(), heap);
  }

  /** CPU time of the server, plus that of the other processes of its cluster. */
  long cpuMicros() {
    long total = ProcCpu.micros(pid, clkTck);
    for (long other : alsoCpuPids) {
      long micros = ProcCpu.micros(other, clkTck);
      total += Math.max(0, micros);
    }
    return total;
  }

  long rssKb() {
    if (pid <= 0) {
      return -1;
    }
    try {
      return parseRssKb(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
    } catch (IOException e) {
      return -1;
    }
  }

  long fds() {
    if (pid <= 0) {
      return -1;
    }
    try (Stream<Path> entries = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      return entries.count();
    } catch (IOException e) {
      return -1;
    }
  }

  /** The bytes of live objects after a full GC, or -1 (not a JVM, jcmd failed). */
  long liveHeapBytes() {
    if (!jvm || pid <= 0) {
      return -1;
    }
    try {
      Process jcmd =
          new ProcessBuilder("jcmd", Long.toString(pid), "GC.class_histogram")
              .redirectErrorStream(true)
              .start();
      String out = new String(jcmd.getInputStream().readAllBytes());
      if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
        return -1;
      }
      return parseHistogramTotal(out);
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** {@code VmRSS} in kB from the text of {@code /proc/<pid>/status}, or -1. */
  static long parseRssKb(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
      }
    }
    return -1;
  }

  /** The bytes of the {@code Total} line of a class histogram, or -1 when there is none. */
  static long parseHistogramTotal(String histogram) {
    for (String line : histogram.split("\n")) {
      String trimmed = line.trim();
      if (trimmed.startsWith("Total")) {
        String[] fields = trimmed.split("\\s+");
        if (fields.length >= 3) {
          return Long.parseLong(fields[2]);
        }
      }
    }
    return -1;
  }
}
