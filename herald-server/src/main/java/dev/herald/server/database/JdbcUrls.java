package dev.herald.server.database;

import java.util.regex.Pattern;

/** Masks the passwords a JDBC URL may carry, so that a URL can be logged or shown in an error. */
final class JdbcUrls {
  // user:password@host, and password=… as a URL parameter (both drivers accept either).
  private static final Pattern USER_INFO = Pattern.compile("(//[^/@:?]*):[^/@?]*@");
  private static final Pattern PASSWORD_PARAMETER = Pattern.compile("((?i)password)=[^&;]*");

  private JdbcUrls() {}

  static String redacted(String url) {
    String masked = USER_INFO.matcher(url).replaceAll("$1:***@");
    return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1=***");
  }
}
