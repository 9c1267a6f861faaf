package dev.herald.server.testing;

import dev.herald.server.channel.Frame;
import dev.herald.server.channel.FrameEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A frame encoder that keeps the JSON as text and tracks reference counts. */
public final class RecordingFrames implements FrameEncoder {
  public final List<TextFrame> encoded = new ArrayList<>();

  @Override
  public Frame encode(byte[] json) {
    TextFrame frame = new TextFrame(new String(json, StandardCharsets.UTF_8));
    encoded.add(frame);
    return frame;
  }

  /** Whether every frame encoded so far has been released. */
  public boolean allReleased() {
    return encoded.stream().allMatch(f -> f.refCount == 0);
  }

  /** A frame holding its JSON text. */
  public static final class TextFrame implements Frame {
    public final String json;
    int refCount = 1;

    TextFrame(String json) {
      this.json = json;
    }

    @Override
    public synchronized Frame retain() {
      if (refCount <= 0) {
        throw new IllegalStateException("retain after release");
      }
      refCount++;
      return this;
    }

    @Override
    public synchronized void release() {
      if (refCount <= 0) {
        throw new IllegalStateException("released too often");
      }
      refCount--;
    }
  }
}
