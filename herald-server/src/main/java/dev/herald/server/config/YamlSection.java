package dev.herald.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One mapping of the YAML config file and where it sits ({@code apps[0].limits}), so that every
 * error names the key and the file. A key with an empty value counts as absent.
 */
final class YamlSection {
  private final JsonNode node;
  private final String path;
  private final Path file;

  YamlSection(JsonNode node, String path, Path file) {
    this.path = path;
    this.file = file;
    if (!node.isObject()) {
      throw new ConfigException(where() + " must be a mapping of keys to values");
    }
    this.node = node;
  }

  /** Fails on the first key not in {@code known}: catches typos instead of ignoring them. */
  void rejectUnknownKeys(List<String> known) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new ConfigException(
            "Unknown key '"
                + keyPath(name)
                + "' in "
                + file
                + "; expected one of: "
                + String.join(", ", known));
      }
    }
  }

  /** Fails naming every one of {@code keys} that is absent or empty. */
  void requireKeys(String... keys) {
    List<String> missing =
        Arrays.stream(keys).filter(key -> text(key).isEmpty()).map(key -> "'" + key + "'").toList();
    if (!missing.isEmpty()) {
      throw new ConfigException(where() + " is missing " + String.join(", ", missing));
    }
  }

  Optional<String> text(String key) {
    return value(key)
        .map(
            v -> {
              if (!v.isValueNode()) {
                throw invalid(key, "must be a single value");
              }
              return v.asText().strip();
            })
        .filter(text -> !text.isEmpty());
  }

  int integer(String key, int fallback) {
    return Math.toIntExact(number(key, fallback, true));
  }

  long longInteger(String key, long fallback) {
    return number(key, fallback, false);
  }

  boolean bool(String key, boolean fallback) {
    return value(key)
        .map(
            v -> {
              if (!v.isBoolean()) {
                throw invalid(key, "must be true or false, was " + v);
              }
              return v.booleanValue();
            })
        .orElse(fallback);
  }

  Optional<YamlSection> section(String key) {
    return value(key).map(v -> new YamlSection(v, keyPath(key), file));
  }

  /** The values of a list of single values ({@code event_types}); empty when the key is absent. */
  List<String> texts(String key) {
    Optional<JsonNode> list = value(key);
    if (list.isEmpty()) {
      return List.of();
    }
    if (!list.get().isArray()) {
      throw invalid(key, "must be a list");
    }
    List<String> result = new ArrayList<>();
    for (JsonNode item : list.get()) {
      if (!item.isValueNode() || item.isNull()) {
        throw invalid(key, "must be a list of single values");
      }
      result.add(item.asText().strip());
    }
    return result;
  }

  /**
   * A mapping of names to single values ({@code headers}), in file order; empty when absent. Values
   * are not quoted in errors: they may be credentials.
   */
  Map<String, String> textMapping(String key) {
    Optional<JsonNode> mapping = value(key);
    if (mapping.isEmpty()) {
      return Map.of();
    }
    if (!mapping.get().isObject()) {
      throw invalid(key, "must be a mapping of names to values");
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : mapping.get().properties()) {
      if (!field.getValue().isValueNode() || field.getValue().isNull()) {
        throw invalid(key, "must map '" + field.getKey() + "' to a single value");
      }
      result.put(field.getKey(), field.getValue().asText());
    }
    return result;
  }

  /** The mappings of a list ({@code apps}); none when the key is absent. */
  List<YamlSection> sections(String key) {
    Optional<JsonNode> list = value(key);
    if (list.isEmpty()) {
      return List.of();
    }
    if (!list.get().isArray()) {
      throw invalid(key, "must be a list");
    }
    List<YamlSection> result = new ArrayList<>();
    for (int i = 0; i < list.get().size(); i++) {
      result.add(new YamlSection(list.get().get(i), keyPath(key) + "[" + i + "]", file));
    }
    return result;
  }

  /** Builds a config record, turning its {@link IllegalArgumentException} into a clear error. */
  <T> T build(Supplier<T> record) {
    try {
      return record.get();
    } catch (IllegalArgumentException e) {
      throw ConfigException.invalid("value in " + where(), e);
    }
  }

  private long number(String key, long fallback, boolean intRange) {
    Optional<JsonNode> value = value(key);
    if (value.isEmpty()) {
      return fallback;
    }
    JsonNode v = value.get();
    boolean fits = intRange ? v.canConvertToInt() : v.canConvertToLong();
    if (!v.isIntegralNumber() || !fits) {
      throw invalid(key, "must be a whole number, was " + v);
    }
    if (v.longValue() < 0) {
      throw invalid(key, "must not be negative, was " + v.longValue());
    }
    return v.longValue();
  }

  private Optional<JsonNode> value(String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  /**
   * An error naming {@code key} with its path and the file: "'apps[0].port' in f.yml {problem}".
   */
  ConfigException invalid(String key, String problem) {
    return new ConfigException("'" + keyPath(key) + "' in " + file + " " + problem);
  }

  private String keyPath(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private String where() {
    return path.isEmpty() ? file.toString() : "'" + path + "' in " + file;
  }
}
