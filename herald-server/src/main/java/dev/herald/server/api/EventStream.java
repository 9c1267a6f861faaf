package dev.herald.server.api;

/**
 * The body of a streaming answer ({@code text/event-stream}): the transport sends the head, then
 * calls {@link #opened}, {@link #resumed} whenever the client can take more after falling behind,
 * and {@link #closed} once when the client goes. All three run on the transport's thread for this
 * client, one at a time, and must not block.
 */
public interface EventStream {
  /** The head was sent; start writing to {@code out}. */
  void opened(StreamOutput out);

  /** The client read what was pending: write more if there is more. */
  void resumed();

  /** The client went away (or the server is stopping): release everything. */
  void closed();
}
