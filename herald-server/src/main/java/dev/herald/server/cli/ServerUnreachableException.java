package dev.herald.server.cli;

/** No server answered at the URL: refused, timed out or not resolvable. The user's to fix. */
final class ServerUnreachableException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  ServerUnreachableException(String url, String detail) {
    super("cannot reach " + url + ": " + detail);
  }
}
