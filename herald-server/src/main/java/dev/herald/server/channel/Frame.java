package dev.herald.server.channel;

/**
 * A message encoded once, in the transport's wire form, shared by every subscriber it goes to.
 * Reference counted: whoever holds a frame across threads retains it and releases it when done.
 */
public interface Frame {
  /** Adds a reference; returns this frame. */
  Frame retain();

  /** Drops a reference; the frame's memory is freed when the last one is dropped. */
  void release();
}
