package dev.herald.server.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.herald.server.config.Scalars.BadValue;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns what Jackson throws while binding the YAML file into a {@link ConfigException} that names
 * the key's path and the file and says what was expected. Jackson's own messages are never used,
 * nor chained as causes: they quote the offending value, which may be a secret.
 */
final class BindingErrors {
  private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
      new PropertyNamingStrategies.SnakeCaseStrategy();

  private BindingErrors() {}

  /**
   * The error for {@code e}, thrown while {@code parser} read {@code file}.
   *
   * @param parser the parser that was reading, left where it stopped
   */
  static ConfigException of(JsonProcessingException e, JsonParser parser, Path file) {
    StreamReadException unreadable = cause(e);
    if (unreadable != null) {
      return unreadable(unreadable, parser, file);
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return unknownKey(unknown, file);
    }
    if (e instanceof BadValue bad) {
      return badValue(bad, file);
    }
    if (e instanceof JsonMappingException wrong) {
      Class<?> target = wrong instanceof MismatchedInputException m ? m.getTargetType() : null;
      return where(wrong.getPath(), file).problem(expected(target));
    }
    return new ConfigException("Cannot read config file " + file + location(e));
  }

  /** Not YAML at all, or a key given twice in one mapping (the parser's duplicate detection). */
  private static ConfigException unreadable(StreamReadException e, JsonParser parser, Path file) {
    // Jackson's duplicate detection has no exception type of its own, only this message; the
    // parser stops on the second occurrence, so its context is the duplicate key's path.
    if (String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field '")) {
      return new ConfigException(
          "Duplicate key '" + path(parser.getParsingContext()) + "' in " + file + location(e));
    }
    return new ConfigException(
        "Config file " + file + " is not valid YAML: " + problem(e) + location(e));
  }

  private static ConfigException unknownKey(UnrecognizedPropertyException e, Path file) {
    Class<?> section = e.getReferringClass();
    List<String> known =
        section != null && section.isRecord()
            ? Arrays.stream(section.getRecordComponents())
                .map(c -> SNAKE_CASE.translate(c.getName()))
                .toList()
            : e.getKnownPropertyIds().stream().map(String::valueOf).toList();
    return new ConfigException(
        "Unknown key '"
            + where(e.getPath(), file).path()
            + "' in "
            + file
            + "; expected one of: "
            + String.join(", ", known));
  }

  /** A single value of the wrong kind; inside a list or a mapping, the error names the whole. */
  private static ConfigException badValue(BadValue e, Path file) {
    List<Reference> path = e.getPath();
    Reference last = path.isEmpty() ? null : path.get(path.size() - 1);
    Where parent = where(path.subList(0, Math.max(0, path.size() - 1)), file);
    if (last != null && last.getFrom() instanceof Map && last.getFieldName() != null) {
      return parent.problem("must map '" + last.getFieldName() + "' to a single value");
    }
    if (last != null && last.getFrom() instanceof Collection) {
      return parent.problem("must be a list of single values");
    }
    return where(path, file).problem(e.problem());
  }

  /**
   * What a section bound to {@code target} must be. Single values never get here: {@link Scalars}
   * refuses them with a {@link BadValue} of its own.
   */
  private static String expected(Class<?> target) {
    if (target != null && target.isRecord()) {
      return ConfigFile.NOT_A_MAPPING;
    } else if (target != null && Map.class.isAssignableFrom(target)) {
      return "must be a mapping of names to values";
    } else if (target != null && Collection.class.isAssignableFrom(target)) {
      return "must be a list";
    }
    return "has a value of the wrong type";
  }

  /** The section {@code path} leads to: {@code apps[0].limits}. */
  private static Where where(List<Reference> path, Path file) {
    StringBuilder text = new StringBuilder();
    for (Reference step : path) {
      if (step.getFieldName() != null) {
        text.append(text.isEmpty() ? "" : ".").append(step.getFieldName());
      } else {
        text.append('[').append(step.getIndex()).append(']');
      }
    }
    return new Where(file, text.toString());
  }

  /** Where the parser stands: {@code apps[0].limits.max_batch_size}. */
  private static String path(JsonStreamContext context) {
    Deque<String> steps = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        steps.push("[" + c.getCurrentIndex() + "]");
      } else if (c.getCurrentName() != null) {
        steps.push(
            (c.getParent() == null || c.getParent().inRoot() ? "" : ".") + c.getCurrentName());
      }
    }
    return String.join("", steps);
  }

  private static StreamReadException cause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamReadException read) {
        return read;
      }
    }
    return null;
  }

  /**
   * The parser's description of the problem without the quoted lines of the file it may append
   * (indented), which could show a secret.
   */
  private static String problem(JsonProcessingException e) {
    return String.valueOf(e.getOriginalMessage())
        .lines()
        .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
        .collect(Collectors.joining("; "));
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }
}
