package dev.herald.server.api;

/** Where an {@link EventStream} writes, given by the transport. Never blocks. */
public interface StreamOutput {
  /** Queues {@code text} for the client; nothing is sent before {@link #flush}. */
  void write(String text);

  /** Sends what was written. */
  void flush();

  /**
   * Whether the client keeps up; while false, write nothing more and wait for {@link
   * EventStream#resumed}.
   */
  boolean writable();

  /** Runs {@code task} on the stream's thread, the one its callbacks run on. */
  void execute(Runnable task);
}
