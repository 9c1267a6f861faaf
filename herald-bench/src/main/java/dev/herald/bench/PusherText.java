package dev.herald.bench;

/**
 * Cheap reads of the few fields the load client needs from Pusher frames, without a JSON parse: the
 * fields sit either in the envelope or in its {@code data} string, where quotes are escaped ({@code
 * \"user_id\":\"u7\"}), so both spellings are accepted.
 */
final class PusherText {
  private PusherText() {}

  /** The {@code code} of a {@code pusher:error} frame, or -1 when it has none. */
  static int errorCode(String text) {
    String value = field(text, "code");
    if (value == null) {
      return -1;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The {@code user_id} in a member_added/member_removed frame (string or number), or null. */
  static String userId(String text) {
    return field(text, "user_id");
  }

  /**
   * The first value of {@code name} as text: a string's characters or a number's digits; null when
   * the field is missing or its value is an object or array.
   */
  static String field(String text, String name) {
    int at = text.indexOf(name + "\\\"");
    boolean escaped = at >= 0;
    if (!escaped) {
      at = text.indexOf(name + "\"");
      if (at < 0) {
        return null;
      }
    }
    int i = at + name.length() + (escaped ? 2 : 1);
    while (i < text.length() && (text.charAt(i) == ':' || text.charAt(i) == ' ')) {
      i++;
    }
    if (i >= text.length()) {
      return null;
    }
    char first = text.charAt(i);
    if (first == '\\' || first == '"') {
      int start = i + (first == '\\' ? 2 : 1);
      int end = text.indexOf(first == '\\' ? "\\\"" : "\"", start);
      return end < 0 ? null : text.substring(start, end);
    }
    int end = i;
    while (end < text.length()
        && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '-')) {
      end++;
    }
    return end == i ? null : text.substring(i, end);
  }
}
