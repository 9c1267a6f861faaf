package dev.herald.server.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.function.LongFunction;

/**
 * How the YAML file's single values bind: strictly, so that {@code port: "6001"}, {@code port: 1.5}
 * or {@code enabled: "yes"} are errors rather than coerced, and numbers are never negative. Every
 * failure is a {@link BadValue} that says what was expected and never quotes the value.
 */
final class Scalars {
  private Scalars() {}

  /** The deserializers for {@code String}, {@code Integer}, {@code Long} and {@code Boolean}. */
  static SimpleModule module() {
    return new SimpleModule("herald-config-scalars")
        .addDeserializer(String.class, new Text())
        .addDeserializer(Integer.class, new WholeNumber<>(Integer.class, true, v -> (int) v))
        .addDeserializer(Long.class, new WholeNumber<>(Long.class, false, v -> v))
        .addDeserializer(Boolean.class, new Flag());
  }

  /** {@code raw} stripped, or null when absent or blank: an empty value counts as absent. */
  static String text(String raw) {
    return raw == null || raw.isBlank() ? null : raw.strip();
  }

  /** A value the file cannot have here; the message is only what was expected. */
  static final class BadValue extends JsonMappingException {
    private final String problem;

    BadValue(JsonParser parser, String problem) {
      super(parser, problem);
      this.problem = problem;
    }

    /** What was expected, e.g. "must be a whole number". */
    String problem() {
      return problem;
    }
  }

  /** Any single value as written ({@code id: 2} is the text "2"); a mapping or list is an error. */
  private static final class Text extends StdScalarDeserializer<String> {
    Text() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.currentToken().isScalarValue()) {
        throw new BadValue(p, "must be a single value");
      }
      return p.getText();
    }
  }

  /** A whole number that is not negative and fits the type. */
  private static final class WholeNumber<T extends Number> extends StdScalarDeserializer<T> {
    private final boolean intRange;
    private final LongFunction<T> box;

    WholeNumber(Class<T> type, boolean intRange, LongFunction<T> box) {
      super(type);
      this.intRange = intRange;
      this.box = box;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      // The parser reports INT for what fits an int, LONG for what fits a long, else BIG_INTEGER.
      JsonParser.NumberType type =
          p.hasToken(JsonToken.VALUE_NUMBER_INT) ? p.getNumberType() : null;
      boolean fits =
          type == JsonParser.NumberType.INT || !intRange && type == JsonParser.NumberType.LONG;
      if (!fits) {
        throw new BadValue(p, "must be a whole number");
      }
      long value = p.getLongValue();
      if (value < 0) {
        throw new BadValue(p, "must not be negative, was " + value);
      }
      return box.apply(value);
    }
  }

  /** {@code true} or {@code false}, not a string or a number. */
  private static final class Flag extends StdScalarDeserializer<Boolean> {
    Flag() {
      super(Boolean.class);
    }

    @Override
    public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.currentToken().isBoolean()) {
        throw new BadValue(p, "must be true or false");
      }
      return p.getBooleanValue();
    }
  }
}
