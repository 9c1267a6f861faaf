package dev.herald.server.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where a section of the YAML file sits ({@code apps[0].limits} in {@code herald.yml}), so that
 * every error names the key and the file and nothing else: never the value, which may be a secret.
 *
 * @param file the YAML file
 * @param path the section's path from the root, empty for the root itself
 */
record Where(Path file, String path) {

  /** The root mapping of {@code file}. */
  static Where root(Path file) {
    return new Where(file, "");
  }

  /** The mapping under {@code key}. */
  Where child(String key) {
    return new Where(file, keyPath(key));
  }

  /** The {@code index}th item of the list under {@code key}. */
  Where item(String key, int index) {
    return new Where(file, keyPath(key) + "[" + index + "]");
  }

  /** An error naming this section: "'apps[0]' in f.yml {problem}", or "f.yml {problem}". */
  ConfigException problem(String problem) {
    return new ConfigException(this + " " + problem);
  }

  /** An error naming {@code key} of this section: "'apps[0].port' in f.yml {problem}". */
  ConfigException invalid(String key, String problem) {
    return child(key).problem(problem);
  }

  /**
   * Fails naming every key that is absent or empty; {@code keysAndValues} alternates a key and its
   * value ({@code "id", id, "key", key}).
   */
  void require(String... keysAndValues) {
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] == null) {
        missing.add("'" + keysAndValues[i] + "'");
      }
    }
    if (!missing.isEmpty()) {
      throw problem("is missing " + String.join(", ", missing));
    }
  }

  /** Builds a config record, turning its {@link IllegalArgumentException} into a clear error. */
  <T> T build(Supplier<T> record) {
    try {
      return record.get();
    } catch (IllegalArgumentException e) {
      throw ConfigException.invalid("value in " + this, e);
    }
  }

  private String keyPath(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  @Override
  public String toString() {
    return path.isEmpty() ? file.toString() : "'" + path + "' in " + file;
  }
}
