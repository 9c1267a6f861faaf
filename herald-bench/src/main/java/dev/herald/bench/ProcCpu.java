package dev.herald.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process has used, from {@code /proc/<pid>/stat} (utime + stime, fields 14 and 15, in
 * clock ticks). The command name (field 2) may contain spaces, so fields are counted after its
 * closing parenthesis.
 */
final class ProcCpu {
  private ProcCpu() {}

  /** utime + stime in microseconds, or -1 when the process cannot be read. */
  static long micros(long pid, long ticksPerSecond) {
    if (pid <= 0) {
      return -1;
    }
    try {
      return parseTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")))
          * 1_000_000
          / ticksPerSecond;
    } catch (IOException e) {
      return -1;
    }
  }

  /** utime + stime in ticks from the text of a stat file. */
  static long parseTicks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    // After "pid (comm) " the first field is state (field 3), so utime (14) is index 11.
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }
}
