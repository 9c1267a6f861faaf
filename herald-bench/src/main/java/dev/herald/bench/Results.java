package dev.herald.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/** Writes and reads result JSON files (records, indented). */
final class Results {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Results() {}

  static void write(String file, Object result) throws IOException {
    JSON.writeValue(Path.of(file).toFile(), result);
  }

  static <T> T read(String file, Class<T> type) throws IOException {
    return JSON.readValue(Path.of(file).toFile(), type);
  }

  /** Polls {@code condition} every 10 ms until it holds or {@code millis} pass; whether it held. */
  static boolean await(java.util.function.BooleanSupplier condition, long millis)
      throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(10); // polling a benchmark's counters, not a test
    }
    return true;
  }
}
