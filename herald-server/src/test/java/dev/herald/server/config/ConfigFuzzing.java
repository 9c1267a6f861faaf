package dev.herald.server.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads a fuzz input as {@code herald.yml} through {@link ConfigLoader} and checks what comes out:
 * a config, or a {@link ConfigException} with a message, never another exception; and when the
 * input carries {@link #PLANTED} only where secrets go (an app's {@code secret}, a header's value,
 * the password of a {@code url}), no message of the exception or its causes shows it.
 */
final class ConfigFuzzing {
  /** The secret the seeds carry; a message that shows it leaks a secret. */
  static final String PLANTED = "planted-S3cret-9f1c";

  private static final YAMLFactory YAML = new YAMLFactory();
  private static final Path FILE = newFile();
  private static final ConfigLoader LOADER = new ConfigLoader(Map.of());

  private ConfigFuzzing() {}

  static void load(byte[] input) {
    try {
      Files.write(FILE, input);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      LOADER.load(new ConfigOverrides(FILE, null, null));
    } catch (ConfigException e) {
      if (e.getMessage() == null || e.getMessage().isBlank()) {
        throw new AssertionError("a ConfigException without a message", e);
      }
      if (plantedOnlyAsSecret(input)) {
        for (Throwable t = e; t != null; t = t.getCause()) {
          if (String.valueOf(t.getMessage()).contains(PLANTED)) {
            throw new AssertionError("the error shows the secret: " + t.getMessage(), e);
          }
        }
      }
    }
  }

  /**
   * Whether every occurrence of {@link #PLANTED} in the input is in a value where secrets go, as
   * far as a YAML parser reads it. Elsewhere (a key, an id, a comment, past a syntax error) an
   * error may rightly quote it.
   */
  static boolean plantedOnlyAsSecret(byte[] input) {
    int total = count(new String(input, StandardCharsets.UTF_8));
    if (total == 0) {
      return false;
    }
    int asSecret = 0;
    try (JsonParser parser = YAML.createParser(input)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        String text = token == JsonToken.FIELD_NAME ? parser.currentName() : parser.getText();
        int here = count(text);
        if (here > 0) {
          String secret =
              token == JsonToken.FIELD_NAME ? null : secretPart(parser.getParsingContext(), text);
          if (secret == null || count(secret) != here) {
            return false;
          }
          asSecret += here;
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      // Counted as far as the parser got; what lies beyond is not known to be a secret.
    }
    return asSecret == total;
  }

  /**
   * The part of a value that is secret: all of an app's {@code secret} and of a header's value, the
   * user info of a {@code url} (after {@code ://}, up to the last {@code @}); null for none.
   */
  private static String secretPart(JsonStreamContext context, String value) {
    if (!context.inObject()) {
      return null;
    }
    JsonStreamContext parent = context.getParent();
    if ("secret".equals(context.getCurrentName())
        || parent != null && "headers".equals(parent.getCurrentName())) {
      return value;
    }
    if ("url".equals(context.getCurrentName())) {
      int start = value.indexOf("://");
      int at = value.lastIndexOf('@');
      return start >= 0 && at > start ? value.substring(start + 3, at) : null;
    }
    return null;
  }

  private static int count(String text) {
    int n = 0;
    for (int i = text == null ? -1 : text.indexOf(PLANTED);
        i >= 0;
        i = text.indexOf(PLANTED, i + 1)) {
      n++;
    }
    return n;
  }

  private static Path newFile() {
    try {
      Path dir = Files.createTempDirectory("herald-config-fuzz");
      dir.toFile().deleteOnExit();
      Path file = dir.resolve("herald.yml");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
