package dev.herald.server.channel;

/** Turns the UTF-8 JSON of a message into the transport's {@link Frame}, once per broadcast. */
@FunctionalInterface
public interface FrameEncoder {
  /** A new frame with one reference, owned by the caller. */
  Frame encode(byte[] json);
}
