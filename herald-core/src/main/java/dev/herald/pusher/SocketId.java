package dev.herald.pusher;

import java.util.regex.Pattern;

/**
 * The socket id format the server SDKs accept, {@code ^\d+\.\d+$} (protocol reference §1.1). A
 * stricter check than it looks: it is what stops a crafted socket id from making an app sign the
 * string of another channel.
 */
public final class SocketId {
  private static final Pattern FORMAT = Pattern.compile("\\d{1,20}\\.\\d{1,20}");

  private SocketId() {}

  /** Whether {@code socketId} has the {@code digits.digits} form. */
  public static boolean isValid(String socketId) {
    return socketId != null && FORMAT.matcher(socketId).matches();
  }
}
