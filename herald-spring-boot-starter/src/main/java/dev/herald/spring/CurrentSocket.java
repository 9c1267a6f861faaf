package dev.herald.spring;

import dev.herald.pusher.SocketId;
import java.util.Optional;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The socket id of the client that sent the current request, from its {@code X-Socket-ID} header
 * (pusher-js's {@code pusher.connection.socket_id}; Laravel Echo adds the header to the app's own
 * requests). Pass it to {@link dev.herald.Broadcaster#broadcastToOthers} to leave the sender out.
 */
public final class CurrentSocket {
  /** The request header Laravel Echo sends. */
  public static final String HEADER = "X-Socket-ID";

  private static final boolean WEB =
      ClassUtils.isPresent(
          "org.springframework.web.context.request.RequestContextHolder",
          CurrentSocket.class.getClassLoader());

  private CurrentSocket() {}

  /**
   * The header's socket id; empty outside a servlet request, without the header, or when it is not
   * a socket id (a client's garbage never fails the app's request: the event then reaches the
   * sender too).
   */
  public static Optional<String> id() {
    if (!WEB) {
      return Optional.empty();
    }
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (!(attributes instanceof ServletRequestAttributes servlet)) {
      return Optional.empty();
    }
    String header = servlet.getRequest().getHeader(HEADER);
    return header != null && SocketId.isValid(header.trim())
        ? Optional.of(header.trim())
        : Optional.empty();
  }
}
