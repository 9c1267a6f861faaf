package dev.herald.server.app;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The browser origins an app accepts WebSocket connections from ({@code apps[].allowed_origins}),
 * against cross-site WebSocket hijacking. Each pattern is {@code *} (any origin), a host ({@code
 * app.example.com}, any scheme and port), a wildcard host ({@code *.example.com}: its subdomains at
 * any depth, not the bare domain), or a full origin ({@code https://app.example.com:8443}, matched
 * exactly). A request without an {@code Origin} header (server-side clients, mobile SDKs) is
 * accepted: browsers always send one, and only browsers can be hijacked.
 *
 * @param patterns as configured, lower-cased
 */
public record AllowedOrigins(List<String> patterns) {
  /** Every origin: the default, as in Pusher and Reverb. */
  public static final AllowedOrigins ANY = new AllowedOrigins(List.of("*"));

  public AllowedOrigins {
    patterns = patterns.stream().map(p -> p.strip().toLowerCase(Locale.ROOT)).toList();
    if (patterns.isEmpty()) {
      throw new IllegalArgumentException(
          "must list at least one origin (use \"*\" to allow every origin)");
    }
    for (String pattern : patterns) {
      problem(pattern);
    }
  }

  /** Whether a connection whose {@code Origin} header is {@code origin} (null: none) may open. */
  public boolean allows(String origin) {
    if (origin == null) {
      return true;
    }
    String full = origin.strip().toLowerCase(Locale.ROOT);
    String host = host(full);
    for (String pattern : patterns) {
      if (pattern.equals("*")
          || pattern.equals(full)
          || (host != null && pattern.equals(host))
          || (host != null && pattern.startsWith("*.") && host.endsWith(pattern.substring(1)))) {
        return true;
      }
    }
    return false;
  }

  private static String host(String origin) {
    try {
      return URI.create(origin).getHost();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void problem(String pattern) {
    if (pattern.equals("*")) {
      return;
    }
    if (pattern.contains("://")) {
      URI uri;
      try {
        uri = URI.create(pattern);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("'" + pattern + "' is not an origin: " + e.getMessage());
      }
      if (uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty())) {
        throw new IllegalArgumentException(
            "'" + pattern + "' is not an origin: write scheme://host[:port], without a path");
      }
      return;
    }
    String host = pattern.startsWith("*.") ? pattern.substring(2) : pattern;
    if (host.isEmpty() || !host.matches("[a-z0-9.-]+") || host.contains("*")) {
      throw new IllegalArgumentException(
          "'"
              + pattern
              + "' is not an origin: write *, a host (app.example.com), *.example.com or"
              + " https://app.example.com");
    }
  }
}
