package dev.herald.server.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A configuration that cannot be used: an unknown or missing key, a value out of range, or an
 * unsafe combination. The message names the key (YAML path, environment variable or flag) and the
 * file, and never contains a secret.
 */
public final class ConfigException extends RuntimeException {
  private static final Pattern CAMEL_CASE = Pattern.compile("\\b[a-z]+(?:[A-Z][a-z0-9]*)+\\b");

  /** A configuration error with a message meant for the person starting the server. */
  public ConfigException(String message) {
    super(message);
  }

  private ConfigException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Wraps the {@link IllegalArgumentException} a config record threw, naming where the value came
   * from. Record field names in the message ({@code maxConnections}) are rewritten as the YAML keys
   * the user wrote ({@code max_connections}).
   */
  static ConfigException invalid(String where, IllegalArgumentException cause) {
    return new ConfigException("Invalid " + where + ": " + snakeCase(cause.getMessage()), cause);
  }

  static String snakeCase(String text) {
    Matcher words = CAMEL_CASE.matcher(String.valueOf(text));
    StringBuilder result = new StringBuilder();
    while (words.find()) {
      String snake = words.group().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
      words.appendReplacement(result, snake);
    }
    words.appendTail(result);
    return result.toString();
  }
}
