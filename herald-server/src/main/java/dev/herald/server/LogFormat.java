package dev.herald.server;

import java.util.Locale;

/** How {@code herald serve} writes its log lines ({@code log_format}). */
public enum LogFormat {
  /** Plain text: time, level, logger, message. */
  TEXT,
  /** One JSON object per line, for log shippers (Loki, Elasticsearch, CloudWatch). */
  JSON;

  /**
   * The format named {@code text} or {@code json} (any case).
   *
   * @throws IllegalArgumentException naming the choices otherwise
   */
  public static LogFormat of(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("must be text or json, was '" + name + "'");
    }
  }
}
