package dev.herald.server.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The console page's files, read once from the classpath ({@code /console/…} in the jar). Only the
 * files named in {@link #FILES} exist: a request is looked up by exact name, so no path (with
 * {@code ..}, slashes or encodings) can reach anything else. Immutable; thread-safe.
 */
public final class ConsoleAssets {
  /** Every file of the page; the first is the page itself. */
  static final List<String> FILES =
      List.of("index.html", "console.css", "console.js", "stream.js", "chart.js", "icon.svg");

  private final Map<String, ConsoleAsset> assets;

  private ConsoleAssets(Map<String, ConsoleAsset> assets) {
    this.assets = assets;
  }

  /**
   * Reads the files from the classpath.
   *
   * @throws IllegalStateException when one is missing (a broken build)
   */
  public static ConsoleAssets load() {
    return new ConsoleAssets(
        FILES.stream()
            .map(ConsoleAssets::read)
            .collect(Collectors.toUnmodifiableMap(ConsoleAsset::name, Function.identity())));
  }

  /** The file called {@code name} ({@code ""} is the page), or empty for any other name. */
  public Optional<ConsoleAsset> find(String name) {
    return Optional.ofNullable(assets.get(name.isEmpty() ? FILES.get(0) : name));
  }

  private static ConsoleAsset read(String name) {
    try (InputStream in = ConsoleAssets.class.getResourceAsStream("/console/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the console file /console/" + name + " is missing");
      }
      byte[] bytes = in.readAllBytes();
      String etag =
          "\""
              + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 12)
              + "\"";
      return new ConsoleAsset(
          name, new String(bytes, StandardCharsets.UTF_8), contentType(name), etag);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static String contentType(String name) {
    String extension = name.substring(name.lastIndexOf('.') + 1);
    return switch (extension) {
      case "html" -> "text/html; charset=utf-8";
      case "css" -> "text/css; charset=utf-8";
      case "js" -> "text/javascript; charset=utf-8";
      case "svg" -> "image/svg+xml; charset=utf-8";
      default -> throw new IllegalArgumentException("no media type for " + name);
    };
  }
}
