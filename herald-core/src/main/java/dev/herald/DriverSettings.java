package dev.herald;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The settings of one broadcaster, by canonical key ({@code driver}, {@code url}, {@code app-id},
 * …), read from environment variables ({@code HERALD_APP_ID}), properties ({@code herald.app-id},
 * or {@code herald.connections.tenant-a.app-id} for a named connection) or a plain map. Errors name
 * the setting as the user wrote it ({@link #describe(String)}) and never repeat a value. Immutable
 * and thread-safe.
 */
public final class DriverSettings {
  private final Map<String, String> values;
  private final UnaryOperator<String> source;

  private DriverSettings(Map<String, String> values, UnaryOperator<String> source) {
    this.values = Map.copyOf(values);
    this.source = source;
  }

  /** Settings given directly, by canonical key; blank values count as absent. */
  public static DriverSettings of(Map<String, String> values) {
    return new DriverSettings(nonBlank(values), key -> key);
  }

  /**
   * Settings from environment variables: {@code HERALD_APP_SECRET} is {@code app-secret}. Others
   * are ignored.
   */
  public static DriverSettings fromEnvironment(Map<String, String> environment) {
    Map<String, String> values = new TreeMap<>();
    environment.forEach(
        (name, value) -> {
          if (name.startsWith("HERALD_")) {
            values.put(name.substring(7).toLowerCase(Locale.ROOT).replace('_', '-'), value);
          }
        });
    return new DriverSettings(
        nonBlank(values), key -> "HERALD_" + key.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  /** Settings from properties under {@code prefix}: with {@code herald.}, {@code herald.url}. */
  public static DriverSettings fromProperties(Properties properties, String prefix) {
    Map<String, String> values = new TreeMap<>();
    for (String name : properties.stringPropertyNames()) {
      String rest = name.startsWith(prefix) ? name.substring(prefix.length()) : null;
      if (rest != null && !rest.isEmpty() && !rest.contains(".")) {
        values.put(rest, properties.getProperty(name));
      }
    }
    return new DriverSettings(nonBlank(values), key -> prefix + key);
  }

  /** The value of {@code key}, if set. */
  public Optional<String> find(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** The value of {@code key}, or {@code fallback}. */
  public String get(String key, String fallback) {
    return values.getOrDefault(key, fallback);
  }

  /**
   * The value of {@code key}.
   *
   * @throws IllegalArgumentException naming the setting when it is not set
   */
  public String required(String key) {
    return find(key).orElseThrow(() -> new IllegalArgumentException(describe(key) + " is not set"));
  }

  /**
   * An integer setting.
   *
   * @throws IllegalArgumentException naming the setting when it is not an integer
   */
  public int intValue(String key, int fallback) {
    Optional<String> value = find(key);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.get().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(describe(key) + " must be an integer");
    }
  }

  /**
   * A duration in milliseconds.
   *
   * @throws IllegalArgumentException naming the setting when it is not a number of milliseconds
   */
  public Duration millis(String key, Duration fallback) {
    return find(key).isEmpty() ? fallback : Duration.ofMillis(intValue(key, 0));
  }

  /** Whether any setting is present. */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The setting as the user wrote it: {@code HERALD_APP_ID}, {@code herald.app-id}, … */
  public String describe(String key) {
    return source.apply(key);
  }

  /** The keys that are set (never the values, which may be secret). */
  @Override
  public String toString() {
    return "DriverSettings" + values.keySet();
  }

  private static Map<String, String> nonBlank(Map<String, String> values) {
    Map<String, String> result = new TreeMap<>();
    values.forEach(
        (k, v) -> {
          if (v != null && !v.isBlank()) {
            result.put(k, v.trim());
          }
        });
    return result;
  }
}
