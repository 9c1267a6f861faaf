package dev.herald;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A route-style channel pattern such as {@code orders.{orderId}}, matched against a channel name
 * without its type prefix. A {@code {param}} matches one or more characters of the channel charset
 * except {@code .} (protocol reference §1.6), so it never spans two dot-separated parts; everything
 * else is literal. Immutable and thread-safe.
 */
final class ChannelPattern {
  private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9_\\-=@,.;]*");
  private static final String PARAM_VALUE = "([A-Za-z0-9_\\-=@,;]+)";
  private static final List<String> TYPE_PREFIXES =
      List.of("private-encrypted-", "private-", "presence-");

  private final String source;
  private final Pattern regex;
  private final List<String> names;

  private ChannelPattern(String source, Pattern regex, List<String> names) {
    this.source = source;
    this.regex = regex;
    this.names = names;
  }

  /**
   * Compiles {@code pattern}.
   *
   * @throws IllegalArgumentException when it is empty, starts with a channel type prefix, has a
   *     malformed or repeated {@code {param}}, or literal characters no channel name can contain
   */
  static ChannelPattern compile(String pattern) {
    Objects.requireNonNull(pattern, "pattern");
    if (pattern.isEmpty()) {
      throw new IllegalArgumentException("a channel pattern cannot be empty");
    }
    for (String prefix : TYPE_PREFIXES) {
      if (pattern.startsWith(prefix)) {
        // The prefix confusion behind many 403s (field notes §4): say what to write instead.
        throw new IllegalArgumentException(
            "channel patterns leave out the type prefix: register '"
                + pattern.substring(prefix.length())
                + "', not '"
                + pattern
                + "'");
      }
    }
    StringBuilder regex = new StringBuilder();
    List<String> names = new ArrayList<>();
    Matcher param = PARAM.matcher(pattern);
    int literalStart = 0;
    while (param.find()) {
      regex.append(literal(pattern, pattern.substring(literalStart, param.start())));
      String name = param.group(1);
      if (names.contains(name)) {
        throw new IllegalArgumentException(
            "channel pattern '" + pattern + "' names {" + name + "} twice");
      }
      names.add(name);
      regex.append(PARAM_VALUE);
      literalStart = param.end();
    }
    regex.append(literal(pattern, pattern.substring(literalStart)));
    return new ChannelPattern(pattern, Pattern.compile(regex.toString()), List.copyOf(names));
  }

  private static String literal(String pattern, String part) {
    if (!LITERAL.matcher(part).matches()) {
      throw new IllegalArgumentException(
          "channel pattern '"
              + pattern
              + "' has '"
              + part
              + "' outside any {param} with characters no channel name has (allowed:"
              + " [A-Za-z0-9_-=@,.;], params as {name})");
    }
    return part.isEmpty() ? "" : Pattern.quote(part);
  }

  /**
   * The parameters when {@code name} (a channel name without its type prefix) matches the whole
   * pattern, in pattern order; otherwise empty.
   */
  Optional<Map<String, String>> match(String name) {
    Matcher matcher = regex.matcher(name);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      params.put(names.get(i), matcher.group(i + 1));
    }
    return Optional.of(Collections.unmodifiableMap(params));
  }

  /** The pattern as registered. */
  @Override
  public String toString() {
    return source;
  }
}
