package dev.herald.server.protocol;

/** Keeps client-supplied text short in error messages and logs. */
final class ChannelText {
  private static final int MAX = 64;

  private ChannelText() {}

  static String cut(String text) {
    return text.length() <= MAX ? text : text.substring(0, MAX) + "…";
  }
}
